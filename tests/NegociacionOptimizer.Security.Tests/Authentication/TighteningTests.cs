using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Authentication;

/// <summary>An agent tightens a named policy per call and can never loosen it (PolicyTightening).</summary>
public class TighteningTests(ServerPair servers) : IClassFixture<ServerPair>
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_tightened_call_gets_offers_within_the_stricter_limits_and_says_so(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        var request = Requests.Generate();
        request.Tightening = new PolicyTightening { MaxTermMonths = 3, MaxDiscountFeesBp = 0, MaxDiscountInterestBp = 0, MaxPrincipalDiscountBp = 0 };
        var answer = await agent.GenerateAsync(request);

        Assert.Null(answer.Failure);
        var response = answer.Response!;
        Assert.True(response.Policy.Tightened);
        Assert.NotEmpty(response.Offers);
        Assert.All(response.Offers, offer =>
        {
            Assert.True(offer.Policy.Tightened);
            Assert.Equal(0, offer.Discount.TotalMinor);
            var perYear = offer.Frequency switch { Frequency.Weekly => 52, Frequency.Biweekly => 26, _ => 12 };
            Assert.True(offer.Installments * 12 <= 3 * perYear, $"{offer.Installments} installments ({offer.Frequency})");
        });
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_looser_value_is_denied_naming_every_loosened_field(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        var request = Requests.Generate();
        request.Tightening = new PolicyTightening { MaxTermMonths = 60, MaxEffectiveAnnualRateBp = 50_000, MaxBurdenBp = 100 };
        var failure = (await agent.GenerateAsync(request)).Failure!;

        Assert.Equal(StatusCode.PermissionDenied, failure.Code);
        Assert.Contains("tightening.max_term_months", failure.Message, StringComparison.Ordinal);
        Assert.Contains("tightening.max_effective_annual_rate_bp", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("max_burden_bp", failure.Message, StringComparison.Ordinal);

        var proposal = Requests.Proposal();
        proposal.Tightening = new PolicyTightening { MinDownPaymentBp = 0, MaxGracePeriods = 12 };
        var denied = (await agent.EvaluateAsync(proposal)).Failure!;
        Assert.Equal(StatusCode.PermissionDenied, denied.Code);
        Assert.Contains("tightening.max_grace_periods", denied.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_tightening_out_of_its_range_is_invalid_argument(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        var request = Requests.Generate();
        request.Tightening = new PolicyTightening { MaxTermMonths = 0, MaxBurdenBp = 0 };
        var failure = (await agent.GenerateAsync(request)).Failure!;

        Assert.Equal(StatusCode.InvalidArgument, failure.Code);
        Assert.Contains(failure.Violations, v => v.Field == "tightening.max_term_months");
        Assert.Contains(failure.Violations, v => v.Field == "tightening.max_burden_bp");
    }
}
