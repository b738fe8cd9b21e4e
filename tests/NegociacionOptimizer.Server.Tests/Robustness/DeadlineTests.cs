using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>Deadlines on the real Kestrel server (an in-process test server reports them as UNKNOWN).</summary>
public class DeadlineTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_deadline_too_short_for_any_search_is_deadline_exceeded_at_once()
    {
        var clock = Stopwatch.StartNew();
        var call = server.Client.Offers.GenerateOffersAsync(Requests.FromFile("forgot-to-pay.json"), deadline: DateTime.UtcNow.AddMilliseconds(80));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(clock.ElapsedMilliseconds < 1_000, $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_search_cut_by_the_deadline_answers_before_it_with_the_offers_found_marked_not_proven()
    {
        // The server's clock is a fake one the test moves: the cut is decided by that clock alone, never by how fast
        // this machine happens to be.
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(start);
        var engine = new StallingEngine();
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning },
            services => services.AddSingleton<IOfferEngine>(engine).AddSingleton<TimeProvider>(clock));
        await using var _ = host;
        using var client = new OfferClient(host.Address);
        var deadline = start.UtcDateTime.AddMinutes(5);

        var call = client.Offers.GenerateOffersAsync(Requests.Held(), deadline: deadline);
        Assert.True(await engine.Stalling.WaitAsync(TimeSpan.FromMinutes(2)), "the search never started");
        // The search's limit is the deadline less the server's margin: move the clock exactly there.
        clock.Advance(deadline - start.UtcDateTime - SolveRunner.DeadlineMargin);
        var response = await call.ResponseAsync;

        Assert.False(response.Solve.OptimalProven);
        Assert.NotEmpty(response.Offers);
        Assert.True(clock.GetUtcNow() < deadline - (SolveRunner.DeadlineMargin / 2), "answered after the server's answer-by time");
    }
}
