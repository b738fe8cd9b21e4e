using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Proposals;

[Collection(SolverHeavyTests.Name)]
public class EvaluateProposalTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<EvaluateProposalResponse> Evaluate(string sample, Action<EvaluateProposalRequest>? change = null)
    {
        var request = OfferClient.ReadJson<EvaluateProposalRequest>(Requests.Sample(sample));
        change?.Invoke(request);
        var result = await server.Client.EvaluateAsync(request);
        return result.Response ?? throw new InvalidOperationException(result.Failure!.Message);
    }

    [Fact]
    public async Task An_acceptable_proposal_becomes_exactly_the_proposed_plan()
    {
        var response = await Evaluate("proposal-acceptable.json");
        Assert.Equal(Verdict.Acceptable, response.Verdict);
        var offer = response.AcceptedOffer;
        Assert.Equal((40_000_000L, 0L, 6, 0, Frequency.Monthly), (offer.DownPaymentMinor, offer.Discount.TotalMinor, offer.Installments, offer.GracePeriods, offer.Frequency));
        Assert.Empty(response.CounterOffers);
        // Its Pareto flag comes from a CP-SAT check against every feasible plan.
        Assert.Equal("cp-sat", response.Solve.Engine);
        Assert.True(response.Solve.OptimalProven);
    }

    [Fact]
    public async Task A_too_low_installment_gets_counter_offers_that_keep_the_six_installments_first()
    {
        var response = await Evaluate("proposal-installment-too-low.json");
        Assert.Equal(Verdict.NotAcceptable, response.Verdict);
        var shortfall = Assert.Single(response.Violations);
        Assert.Equal(("INSTALLMENT_AMOUNT", 2_000_000L), (shortfall.Code, shortfall.Value));
        Assert.Equal(3, response.CounterOffers.Count);
        Assert.All(response.CounterOffers, c => Assert.Equal(Frequency.Monthly, c.Offer.Frequency));
        Assert.Equal(response.CounterOffers.Select(c => c.Distance).Order(), response.CounterOffers.Select(c => c.Distance));
        Assert.Equal(3, response.CounterOffers.Select(c => c.Offer.Installments).Distinct().Count());
        Assert.All(response.CounterOffers, c => Assert.Contains("en lugar de $ 20.000", c.Changes, StringComparison.Ordinal));
        Assert.Equal("cp-sat", response.Solve.Engine);
        var rendered = OfferTable.Render(response);
        Assert.Contains("Counter-offers", rendered, StringComparison.Ordinal);
        Assert.Contains(response.CounterOffers[0].Changes, rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_large_discount_with_a_too_small_installment_lists_both()
    {
        var response = await Evaluate("proposal-discount-too-large.json", r =>
        {
            r.Proposal.ClearInstallments();
            r.Proposal.InstallmentMinor = 10_583;
        });

        Assert.Equal(Verdict.NotAcceptable, response.Verdict);
        Assert.Contains(response.Violations, v => v.Code == "DISCOUNT_LIMIT");
        var shortfall = Assert.Single(response.Violations, v => v.Code == "INSTALLMENT_AMOUNT");
        Assert.Equal(10_583, shortfall.Value);
        Assert.True(shortfall.Limit > shortfall.Value);
    }

    [Fact]
    public async Task A_too_large_discount_lists_the_limit_and_counter_offers_within_it()
    {
        var response = await Evaluate("proposal-discount-too-large.json", r => r.Language = "en");
        Assert.Equal(Verdict.NotAcceptable, response.Verdict);
        var discount = Assert.Single(response.Violations, v => v.Code == "DISCOUNT_LIMIT");
        Assert.Equal(97_000_000, discount.Value);
        Assert.True(discount.Limit < discount.Value);
        Assert.NotEmpty(response.CounterOffers);
        Assert.All(response.CounterOffers, c => Assert.True(c.Offer.Discount.TotalMinor <= discount.Limit));
        Assert.Contains("discount of", response.CounterOffers[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_proposal_of_an_amount_becomes_the_nearest_plan_within_it()
    {
        var response = await Evaluate("proposal-partial.json");
        Assert.Equal(Verdict.Acceptable, response.Verdict);
        var offer = response.AcceptedOffer;
        Assert.True(offer.InstallmentMinor <= 20_000_000);
        Assert.Equal(Frequency.Monthly, offer.Frequency);
        Assert.Equal(offer.Installments, offer.Schedule.Count);
        Assert.Equal("The proposal is acceptable.", response.Summary);
    }

    [Fact]
    public async Task A_partial_proposal_of_a_number_of_installments_is_judged_with_that_many()
    {
        var response = await Evaluate("proposal-partial.json", r => r.Proposal = new Proposal { Installments = 12 });
        Assert.Equal(Verdict.Acceptable, response.Verdict);
        Assert.Equal(12, response.AcceptedOffer.Installments);
    }

    [Fact]
    public async Task A_partial_amount_below_the_minimum_installment_lists_it_and_offers_the_nearest_plans()
    {
        var response = await Evaluate("proposal-partial.json", r => r.Proposal = new Proposal { InstallmentMinor = 1_000_000 });
        Assert.Equal(Verdict.NotAcceptable, response.Verdict);
        // The amount breaks the minimum installment, and every plan with the proposed terms needs more (SPEC §1: every
        // reason is listed).
        Assert.Equal(["MIN_INSTALLMENT", "INSTALLMENT_AMOUNT"], response.Violations.Select(v => v.Code));
        var minimum = response.Violations[0];
        Assert.Equal(1_000_000L, minimum.Value);
        Assert.Equal(1_000_000L, response.Violations[1].Value);
        Assert.NotEmpty(response.CounterOffers);
        Assert.All(response.CounterOffers, c => Assert.True(c.Offer.InstallmentMinor >= minimum.Limit));
        Assert.True(response.CounterOffers[0].Offer.InstallmentMinor <= response.CounterOffers[^1].Offer.InstallmentMinor);
        Assert.Contains("nearby alternative", response.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_counter_offers_are_searched_when_none_are_asked_for()
    {
        var response = await Evaluate("proposal-installment-too-low.json", r => r.MaxCounterOffers = 0);
        Assert.Equal(Verdict.NotAcceptable, response.Verdict);
        Assert.Empty(response.CounterOffers);
    }

    [Fact]
    public async Task A_first_due_date_sets_the_grace_periods_of_the_plan()
    {
        var response = await Evaluate("proposal-acceptable.json", r => r.Proposal.FirstDueDate = "2027-01-15");
        Assert.Equal(Verdict.Acceptable, response.Verdict);
        // Pay day 30 after as-of 2026-11-20: Nov 30, Dec 30, then Jan 30, the first on or after Jan 15.
        Assert.Equal(2, response.AcceptedOffer.GracePeriods);
        Assert.Equal(OfferKind.DeferredPlan, response.AcceptedOffer.Kind);
    }
}
