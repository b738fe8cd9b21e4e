using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
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
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, MinimumLogLevel = LogLevel.Warning },
            services => services.AddSingleton<IOfferEngine>(new StallingEngine()));
        await using var _ = host;
        using var client = new OfferClient(host.Address);
        var request = Requests.Held();

        var clock = Stopwatch.StartNew();
        var result = await client.GenerateAsync(request, TimeSpan.FromMilliseconds(2_500));
        var elapsed = clock.ElapsedMilliseconds;

        Assert.True(result.Response is not null, result.Failure?.ToString());
        Assert.False(result.Response!.Solve.OptimalProven);
        Assert.NotEmpty(result.Response.Offers);
        Assert.InRange(elapsed, 2_000, 2_500);
    }
}
