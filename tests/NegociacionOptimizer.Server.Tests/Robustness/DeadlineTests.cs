using System.Diagnostics;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>Deadlines on the real Kestrel server (an in-process test server reports them as UNKNOWN).</summary>
public class DeadlineTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static GenerateOffersRequest Slow()
    {
        // Weekly plans up to 10 years with grace: far more than 300 ms of search.
        var request = Requests.FromFile("weekly-earner.json");
        request.Policy = new Api.V1.Policy { MaxTermMonths = 120, MaxGracePeriods = 6, SolveTimeLimitMs = 60_000, AmountStepMinor = 100 };
        request.OfferCount = 10;
        return request;
    }

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
    public async Task A_search_cut_by_the_deadline_answers_in_time_with_the_offers_found_not_proven_or_deadline_exceeded()
    {
        var clock = Stopwatch.StartNew();
        var result = await server.Client.GenerateAsync(Slow(), TimeSpan.FromMilliseconds(1_500));
        var elapsed = clock.ElapsedMilliseconds;
        if (result.Response is { } response)
        {
            Assert.False(response.Solve.OptimalProven);
            Assert.NotEmpty(response.Offers);
        }
        else
        {
            // The server's own DEADLINE_EXCEEDED, or (on a starved machine) the client's at the same instant: never a hang.
            Assert.Equal(StatusCode.DeadlineExceeded, result.Failure!.Code);
        }

        Assert.True(elapsed < 1_600, $"{elapsed} ms");
    }
}
