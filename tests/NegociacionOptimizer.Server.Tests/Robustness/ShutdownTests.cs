using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NegociacionOptimizer.Server.Tests.Robustness;

public class ShutdownTests
{
    private static readonly string[] HealthServices = ["", OfferService.Descriptor.FullName];

    private static async Task<(ServerHost Host, HeldEngine Engine)> StartAsync(TimeSpan drainDelay)
    {
        var engine = new HeldEngine();
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, ShutdownTimeoutMs = 20_000, DrainDelayMs = (int)drainDelay.TotalMilliseconds },
            services => services.AddSingleton<IOfferEngine>(engine));
        return (host, engine);
    }

    private static async Task<ServingStatus> CheckAsync(Health.HealthClient health, string service) =>
        (await health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(5))).Status;

    [Fact]
    public async Task With_no_drain_delay_a_stopping_server_finishes_the_call_in_flight_and_refuses_new_calls_and_probes_as_unavailable()
    {
        var (host, engine) = await StartAsync(TimeSpan.Zero);
        await using var _ = host;
        using var __ = engine;
        using var client = new OfferClient(host.Address);
        var inFlight = client.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(30));
        await engine.WaitForSearchesAsync(1);

        var stopping = host.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the server waits for the call in flight");
        using var late = new OfferClient(host.Address);
        var refused = await late.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(5));
        Assert.Equal(StatusCode.Unavailable, refused.Failure?.Code);
        // Kestrel no longer takes streams, so a probe cannot read NOT_SERVING: what a balancer sees is UNAVAILABLE.
        var probe = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(new Health.HealthClient(late.Channel), ""));
        Assert.Equal(StatusCode.Unavailable, probe.StatusCode);

        engine.Release();
        var finished = await inFlight;
        Assert.NotNull(finished.Response);
        Assert.NotEmpty(finished.Response!.Offers);
        await stopping;
    }

    [Fact]
    public async Task A_stopping_server_answers_not_serving_during_the_drain_delay_then_refuses_new_calls_and_the_call_in_flight_finishes()
    {
        var drain = TimeSpan.FromSeconds(3);
        var (host, engine) = await StartAsync(drain);
        await using var _ = host;
        using var __ = engine;
        using var client = new OfferClient(host.Address);
        var health = new Health.HealthClient(client.Channel);
        foreach (var service in HealthServices)
        {
            Assert.Equal(ServingStatus.Serving, await CheckAsync(health, service));
        }

        using var watch = health.Watch(new HealthCheckRequest());
        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
        var inFlight = client.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(30));
        await engine.WaitForSearchesAsync(1);

        var clock = Stopwatch.StartNew();
        var stopping = host.StopAsync();
        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);
        Assert.False(await watch.ResponseStream.MoveNext(), "the watch ends once it has reported NOT_SERVING");
        foreach (var service in HealthServices)
        {
            Assert.Equal(ServingStatus.NotServing, await CheckAsync(health, service));
        }

        Assert.True(clock.Elapsed < drain, $"the probes ran within the drain delay ({clock.Elapsed.TotalMilliseconds:0} ms)");

        // After the drain delay Kestrel refuses new calls; the call in flight is still held.
        StatusCode? refused = null;
        while (refused is null && clock.Elapsed < drain + TimeSpan.FromSeconds(10))
        {
            try
            {
                Assert.Equal(ServingStatus.NotServing, await CheckAsync(health, ""));
                await Task.Delay(100);
            }
            catch (RpcException e)
            {
                refused = e.StatusCode;
            }
        }

        Assert.Equal(StatusCode.Unavailable, refused);
        Assert.True(clock.Elapsed >= drain - TimeSpan.FromMilliseconds(50), $"refused only after the drain delay, not at {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.False(inFlight.IsCompleted);
        Assert.False(stopping.IsCompleted, "the server waits for the call in flight");

        engine.Release();
        var finished = await inFlight;
        Assert.NotNull(finished.Response);
        Assert.NotEmpty(finished.Response!.Offers);
        await stopping;
    }
}
