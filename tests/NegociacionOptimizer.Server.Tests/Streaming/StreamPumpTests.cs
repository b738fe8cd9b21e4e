using Grpc.Core;
using NegociacionOptimizer.Server.Services;

namespace NegociacionOptimizer.Server.Tests.Streaming;

public class StreamPumpTests
{
    private sealed class Items(int count) : IAsyncStreamReader<int>
    {
        public int Read { get; private set; }

        public int Current { get; private set; }

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (Read == count)
            {
                return Task.FromResult(false);
            }

            Current = Read++;
            return Task.FromResult(true);
        }
    }

    private sealed class SlowSink(Items items) : IAsyncStreamWriter<int>
    {
        public List<int> Written { get; } = [];

        public int MostReadAhead { get; private set; }

        public WriteOptions? WriteOptions { get; set; }

        public async Task WriteAsync(int message)
        {
            await Task.Delay(1);
            Written.Add(message);
            MostReadAhead = Math.Max(MostReadAhead, items.Read - Written.Count);
        }
    }

    [Fact]
    public async Task Every_item_is_answered_once_with_at_most_width_items_in_flight()
    {
        var items = new Items(300);
        var sink = new SlowSink(items);
        var inFlight = 0;
        var mostInFlight = 0;
        var pump = new StreamPump<int, int>(i =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            Thread.Sleep(1);
            Interlocked.Decrement(ref inFlight);
            return Task.FromResult(i * 10);
        }, width: 3);

        await pump.RunAsync(items, sink, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => i * 10), sink.Written.Order());
        Assert.InRange(mostInFlight, 1, 3);
        Assert.InRange(sink.MostReadAhead, 0, 3); // the reader never runs ahead of the writer by more than the width
    }

    [Fact]
    public async Task A_failing_writer_ends_the_stream_with_its_error()
    {
        var pump = new StreamPump<int, int>(Task.FromResult, width: 2);
        var error = await Assert.ThrowsAsync<IOException>(() => pump.RunAsync(new Items(1_000), new FailingSink(), CancellationToken.None));
        Assert.Equal("gone", error.Message);
    }

    private sealed class FailingSink : IAsyncStreamWriter<int>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(int message) => Task.FromException(new IOException("gone"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
