using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Engine;

/// <summary>The engine against the rule-based offer matrix collection shops use today.</summary>
public sealed class BaselineTests
{
    private static readonly CpSatOfferEngine Engine = new();

    [Fact]
    public void Engine_best_offer_is_never_worse_than_the_offer_matrix_on_a_synthetic_portfolio()
    {
        // Every matrix plan lies on the engine's grid (Q and D are grid multiples, monthly, n ≤ 24, no grace), so the
        // engine's optimum can only match or beat it, account by account.
        var policy = Policy.Create(PolicyDefaults.BuiltIn.ToDraft() with { MaxTermMonths = 24, MaxGracePeriods = 1 });
        var portfolio = SyntheticPortfolio.Generate(25, 7, Currency.FromCode("COP"), new DateOnly(2026, 11, 22));
        var engineOffers = 0;
        var matrixOffers = 0;
        foreach (var item in portfolio)
        {
            var context = new NegotiationContext(item.Account, item.Inquiry, policy, BusinessCalendars.Get(policy.Country));
            var matrix = RuleBasedOfferMatrix.Offers(context);
            var set = Engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), item.AccountId), CancellationToken.None);
            matrixOffers += matrix.Count > 0 ? 1 : 0;
            engineOffers += set.Offers.Count > 0 ? 1 : 0;
            if (matrix.Count > 0)
            {
                Assert.NotEmpty(set.Offers);
                Assert.True(set.Offers[0].Plan.Score >= matrix[0].Score * (1 - 1e-12), $"{item.AccountId}: engine N {set.Offers[0].Plan.Score} < matrix N {matrix[0].Score}");
            }
        }

        Assert.True(engineOffers >= matrixOffers);
        Assert.True(matrixOffers > 0);
    }

    [Fact]
    public void Offer_matrix_keeps_only_feasible_options_at_the_tier_limits()
    {
        var context = InstanceGenerator.Create(4);
        var offers = RuleBasedOfferMatrix.Offers(context);
        Assert.All(offers, plan => Assert.True(plan.IsFeasible));
        Assert.All(offers, plan => Assert.Equal(context.MaxDiscountMinor(plan.Terms.Installments) / context.Policy.AmountStepMinor * context.Policy.AmountStepMinor, plan.Terms.DiscountMinor));
        Assert.All(offers.Where(p => !p.Terms.IsSettlement), plan => Assert.Contains(plan.Terms.Installments, RuleBasedOfferMatrix.InstallmentCounts));
    }

    [Fact]
    public void Single_offer_search_finds_the_same_best_plan_as_the_full_ranked_set_and_marks_it_efficient()
    {
        for (var seed = 4; seed <= 30; seed += 2)
        {
            var context = InstanceGenerator.Create(seed);
            var single = Engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), "s"), CancellationToken.None);
            var full = Engine.Generate(InstanceGenerator.Create(seed), new OfferOptions(5, TimeSpan.FromSeconds(60), "s"), CancellationToken.None);
            Assert.Equal(full.Offers.Count > 0, single.Offers.Count > 0);
            if (full.Offers.Count > 0)
            {
                Assert.Equal(full.Offers[0].Plan.Score, single.Offers[0].Plan.Score, 1e-6 * full.Offers[0].Plan.Score);

                // The proven best N has no dominator (any would score higher), so it is efficient without a check.
                var feasible = ExhaustiveReference.FeasiblePlans(context);
                Assert.True(single.Stats.OptimalProven);
                Assert.Equal(!feasible.Any(p => Dominance.Dominates(p, single.Offers[0].Plan)), single.Offers[0].ParetoEfficient);
                Assert.True(single.Offers[0].ParetoEfficient);
            }
        }
    }
}
