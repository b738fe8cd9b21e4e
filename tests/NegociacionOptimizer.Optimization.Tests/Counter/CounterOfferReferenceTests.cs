using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Counter;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Counter;

public class CounterOfferReferenceTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 48; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_counter_offer_is_the_nearest_feasible_plan_of_the_grid_not_yet_offered(int seed) => AssertNearest(seed, 3);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void However_many_counter_offers_are_asked_each_is_the_nearest_not_yet_offered(int count)
    {
        // The search leaves out what lies beyond the count-th known (f, n): the bound moves with the count.
        for (var seed = 1; seed <= 16; seed++)
        {
            AssertNearest(seed, count);
        }
    }

    private static void AssertNearest(int seed, int count)
    {
        var context = InstanceGenerator.Create(seed);
        var proposal = ProposalGenerator.Create(context, seed);
        var reference = ExhaustiveReference.FeasiblePlans(context);

        var set = new CounterOfferSearch().Nearest(context, proposal, count, Limit, CancellationToken.None);

        Assert.True(set.Stats.OptimalProven);
        Assert.Equal(Math.Min(count, reference.Select(p => (p.Terms.Frequency, p.Terms.Installments)).Distinct().Count()), set.Offers.Count);
        var offered = new HashSet<(Domain.Accounts.Frequency, int)>();
        foreach (var offer in set.Offers)
        {
            var nearest = reference
                .Where(p => !offered.Contains((p.Terms.Frequency, p.Terms.Installments)))
                .Min(p => Points(context, proposal, p));
            Assert.Equal(nearest, Points(context, proposal, offer.Plan));
            Assert.True(offered.Add((offer.Plan.Terms.Frequency, offer.Plan.Terms.Installments)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_counter_offer_meets_every_rule_and_reports_its_distance(int seed)
    {
        var context = InstanceGenerator.Create(seed);
        var proposal = ProposalGenerator.Create(context, seed + 1_000);

        var set = new CounterOfferSearch().Nearest(context, proposal, 3, Limit, CancellationToken.None);

        Assert.All(set.Offers, offer =>
        {
            var exact = PlanEvaluator.Evaluate(context, offer.Plan.Terms);
            Assert.Empty(exact.Violations);
            Assert.Equal(exact.InstallmentMinor, offer.Plan.InstallmentMinor);
            Assert.Equal(ProposalDistance.Of(context, proposal, exact.Terms, exact.InstallmentMinor), offer.Distance);
            Assert.Equal(offer.Plan.Terms.Installments == 0 ? 0 : offer.Plan.Terms.Installments, offer.Plan.Schedule.Count);
        });
        Assert.Equal(set.Offers.OrderBy(o => o.Distance).Select(o => o.Distance), set.Offers.Select(o => o.Distance));
    }

    [Fact]
    public void Terms_a_feasible_plan_has_are_kept_by_the_first_counter_offer()
    {
        var checkedInstances = 0;
        for (var seed = 1; seed <= 36; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var plans = ExhaustiveReference.FeasiblePlans(context).Where(p => !p.Terms.IsSettlement).ToList();
            if (plans.Count == 0)
            {
                continue;
            }

            var target = plans[plans.Count / 2];
            var amount = new ProposalTerms(Frequency: target.Frequency, InstallmentMinor: target.InstallmentMinor);
            var term = new ProposalTerms(Frequency: target.Frequency, Installments: target.Terms.Installments, DownPaymentMinor: target.Terms.DownPaymentMinor);
            var byAmount = new CounterOfferSearch().Nearest(context, amount, 1, Limit, CancellationToken.None).Offers[0];
            var byTerm = new CounterOfferSearch().Nearest(context, term, 1, Limit, CancellationToken.None).Offers[0];

            Assert.Equal(0, byAmount.Distance);
            Assert.Equal((target.Frequency, target.InstallmentMinor), (byAmount.Plan.Frequency, byAmount.Plan.InstallmentMinor));
            Assert.All(byAmount.Changes, c => Assert.True(c.IsKept));
            Assert.Equal(0, byTerm.Distance);
            Assert.Equal(target.Terms.Structure with { GracePeriods = 0 }, byTerm.Plan.Terms.Structure with { GracePeriods = 0 });
            Assert.Equal(target.Terms.DownPaymentMinor, byTerm.Plan.Terms.DownPaymentMinor);
            checkedInstances++;
        }

        Assert.InRange(checkedInstances, 10, 36);
    }

    private static long Points(NegotiationContext context, ProposalTerms proposal, PlanEvaluation plan) =>
        ProposalDistance.Points(context, proposal, plan.Terms, plan.InstallmentMinor);
}
