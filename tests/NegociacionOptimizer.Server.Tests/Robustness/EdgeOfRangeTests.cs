using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>
/// Valid requests at the edges of their documented ranges (SPEC §3): every one is answered — with offers, or with no
/// offer and its reasons — and none gets INTERNAL or UNKNOWN.
/// </summary>
public class EdgeOfRangeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_balance_of_a_few_minor_units_is_answered(long balance)
    {
        var request = Requests.Valid();
        request.Account.PrincipalMinor = balance;
        request.Account.InterestMinor = 0;
        request.Account.FeesMinor = 0;

        var result = await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(30));

        Assert.Null(result.Failure);
        Assert.NotEqual(Outcome.Unspecified, result.Response!.Outcome);
    }

    [Theory]
    [InlineData("2100-12-31")]
    [InlineData("2100-06-30")]
    [InlineData("2000-01-01")]
    public async Task A_valuation_date_at_the_calendar_edge_is_answered(string asOf)
    {
        var request = Requests.Valid();
        request.Account.AsOf = asOf;
        request.Policy = new Api.V1.Policy { MaxTermMonths = 120 };

        var result = await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(30));

        Assert.Null(result.Failure);
        Assert.Equal(request.RequestId, result.Response!.RequestId);
    }

    [Theory]
    [InlineData(20_000, 100_000_000_000L)]
    [InlineData(20_000, 100_000_000L)]
    [InlineData(15_000, 100_000_000_000L)]
    [InlineData(9_000, 100_000_000_000L)]
    public async Task A_high_rate_over_a_long_term_on_a_large_balance_is_answered(int tnaBp, long balance)
    {
        var request = Requests.Valid();
        request.Account.PrincipalMinor = balance;
        request.Account.InterestMinor = 0;
        request.Account.FeesMinor = 0;
        request.Inquiry.IncomeFrequency = Frequency.Weekly;
        request.Inquiry.PayDay = new PayDay { Weekday = Weekday.Friday };
        request.Policy = new Api.V1.Policy
        {
            MaxTermMonths = 120,
            MaxEffectiveAnnualRateBp = 100_000,
            SolveTimeLimitMs = 2_000,
            AllowedFrequencies = { Frequency.Monthly, Frequency.Biweekly, Frequency.Weekly },
            NominalAnnualRate = { new RateTier { UpToMonths = 120, NominalAnnualRateBp = tnaBp } },
        };

        var result = await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(30));

        Assert.True(result.Failure is null, $"{result.Failure?.Code}: {result.Failure?.Message}");
    }

    [Theory]
    [InlineData(1000, "2026-11-20")]
    [InlineData(1000, "2100-12-31")]
    [InlineData(36, "2100-12-31")]
    public async Task A_proposal_of_many_installments_gets_a_verdict(int installments, string asOf)
    {
        var offers = Requests.Valid();
        offers.Account.AsOf = asOf;
        var request = new EvaluateProposalRequest
        {
            RequestId = "edge-proposal",
            Account = offers.Account,
            Inquiry = offers.Inquiry,
            Proposal = new Proposal { Installments = installments, Frequency = Frequency.Monthly },
        };

        var result = await server.Client.EvaluateAsync(request, TimeSpan.FromSeconds(30));

        Assert.True(result.Failure is null || result.Failure.Code == StatusCode.InvalidArgument, $"{result.Failure?.Code}: {result.Failure?.Message}");
    }
}
