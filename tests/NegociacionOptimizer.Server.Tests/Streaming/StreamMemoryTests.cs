using System.Diagnostics;
using Grpc.Core;
using NegociacionOptimizer.Server.Tests.Support;
using Xunit.Abstractions;

namespace NegociacionOptimizer.Server.Tests.Streaming;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    /// <summary>Tests that measure the process's memory run alone: other test classes' servers would count in it.</summary>
    public const string Name = "memory measurement";
}

/// <summary>StreamOffers over 100,000 items: the working set stops growing once the stream is under way.</summary>
[Collection(MemoryMeasurement.Name)]
public class StreamMemoryTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_hundred_thousand_items_stream_through_in_bounded_memory()
    {
        const int Count = 100_000;
        const int Sample = 10_000;
        var clock = Stopwatch.StartNew();
        var before = StreamOffersTests.WorkingSetMb();
        using var call = server.Client.Offers.StreamOffers();
        var send = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                await call.RequestStream.WriteAsync(StreamOffersTests.CheapItem(i));
            }

            await call.RequestStream.CompleteAsync();
        });

        var samples = new List<long>();
        var (answered, errors) = (0, 0);
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answered++;
            errors += answer.Error is null ? 0 : 1;
            if (answered % Sample == 0)
            {
                samples.Add(StreamOffersTests.WorkingSetMb());
            }
        }

        await send;
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / (1024 * 1024);
        output.WriteLine($"{Count} items in {clock.Elapsed.TotalSeconds:F1} s; working set before {before} MB, " +
            $"every {Sample} items [{string.Join(", ", samples)}] MB, process peak {peak} MB (client and server in one process)");

        Assert.Equal((Count, Count / 10), (answered, errors));
        // Bounded: after the first 20,000 items the working set no longer grows with the number of items.
        Assert.True(samples[^1] - samples[1] < 64, $"working set grew from {samples[1]} MB to {samples[^1]} MB");
    }
}
