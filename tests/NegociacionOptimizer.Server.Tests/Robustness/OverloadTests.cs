using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>The solve gate on the real server: bounded solves, bounded queue, RESOURCE_EXHAUSTED at once beyond.</summary>
public sealed class OverloadTests : IDisposable
{
    private readonly LogCapture _logs = new();

    public void Dispose() => _logs.Dispose();

    private async Task<(ServerHost Host, HeldEngine Engine, OfferClient Client)> StartAsync(int concurrency, int queue)
    {
        var engine = new HeldEngine();
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, MaxConcurrentSolves = concurrency, SolveQueueLength = queue },
            services => services.AddSingleton<IOfferEngine>(engine).AddSingleton<ILoggerProvider>(_logs));
        return (host, engine, new OfferClient(host.Address));
    }

    [Fact]
    public async Task Calls_beyond_the_slots_and_the_queue_get_resource_exhausted_at_once_and_the_rest_complete()
    {
        var (host, engine, client) = await StartAsync(concurrency: 1, queue: 1);
        await using var _ = host;
        using var __ = client;
        var request = Requests.Held();
        var running = client.GenerateAsync(request, TimeSpan.FromSeconds(30));
        await engine.WaitForSearchesAsync(1);
        var queued = client.GenerateAsync(request, TimeSpan.FromSeconds(30));
        var gate = host.Services.GetRequiredService<SolveRunner>();
        while (gate.Admitted < 2)
        {
            await Task.Delay(10);
        }

        var started = DateTime.UtcNow;
        var refused = await client.GenerateAsync(request, TimeSpan.FromSeconds(30));
        Assert.True(refused.Failure?.Code == StatusCode.ResourceExhausted, string.Join("\n", _logs.Lines));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "refused at once, not after waiting");
        Assert.Contains("retry", refused.Failure!.Message, StringComparison.Ordinal);

        engine.Release();
        var first = await running;
        var second = await queued;
        Assert.True(first.Response is not null, string.Join("\n", _logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal))));
        Assert.True(second.Response is not null, string.Join("\n", _logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal))));
        Assert.Equal(1, gate.Rejected);
        // A slot is given back when its search's task completes, which can be just after the answer was written.
        Assert.True(await Eventually.TrueAsync(() => gate.Admitted == 0, TimeSpan.FromSeconds(10)), $"{gate.Admitted} slot(s) still admitted");
    }

    [Fact]
    public async Task Bad_input_is_refused_as_invalid_argument_even_when_the_server_is_full()
    {
        var (host, engine, client) = await StartAsync(concurrency: 1, queue: 0);
        await using var _ = host;
        using var __ = client;
        var running = client.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(30));
        await engine.WaitForSearchesAsync(1);

        var bad = await client.GenerateAsync(Requests.FromFile("bad-request.json"));
        Assert.Equal(StatusCode.InvalidArgument, bad.Failure?.Code);
        engine.Release();
        Assert.NotNull((await running).Response);
    }

    [Fact]
    public async Task A_cancelled_call_stops_its_search_and_frees_its_slot()
    {
        var (host, engine, client) = await StartAsync(concurrency: 1, queue: 0);
        await using var _ = host;
        using var __ = client;
        using var cancel = new CancellationTokenSource();
        var call = client.Offers.GenerateOffersAsync(Requests.Held(), cancellationToken: cancel.Token);
        await engine.WaitForSearchesAsync(1);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);

        var gate = host.Services.GetRequiredService<SolveRunner>();
        for (var i = 0; i < 200 && gate.Admitted > 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, engine.Cancelled);
        Assert.Equal(0, gate.Admitted);
        engine.Release();
        Assert.NotNull((await client.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(30))).Response);
    }

    [Fact]
    public async Task A_stream_item_beyond_capacity_gets_its_own_resource_exhausted_error_and_the_stream_goes_on()
    {
        var (host, engine, client) = await StartAsync(concurrency: 1, queue: 0);
        await using var _ = host;
        using var __ = client;
        var running = client.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(30));
        await engine.WaitForSearchesAsync(1);

        using var stream = client.Offers.StreamOffers();
        await stream.RequestStream.WriteAsync(new Api.V1.StreamOffersRequest { ItemId = "a", Request = Requests.Held() });
        Assert.True(await stream.ResponseStream.MoveNext());
        Assert.Equal(("a", "RESOURCE_EXHAUSTED"), (stream.ResponseStream.Current.ItemId, stream.ResponseStream.Current.Error.Code));

        engine.Release();
        await running;
        await stream.RequestStream.WriteAsync(new Api.V1.StreamOffersRequest { ItemId = "b", Request = Requests.Held() });
        Assert.True(await stream.ResponseStream.MoveNext());
        Assert.Equal("b", stream.ResponseStream.Current.ItemId);
        Assert.NotNull(stream.ResponseStream.Current.Response);
        await stream.RequestStream.CompleteAsync();
    }
}
