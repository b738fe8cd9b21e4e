using NegociacionOptimizer.Optimization.Counter;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Counter;

/// <summary>
/// The Pareto flag of an accepted proposal (EvaluateProposal's accepted offer) against the exhaustive reference: a plan
/// is efficient exactly when no feasible plan of the grid dominates it.
/// </summary>
public sealed class AcceptedPlanEfficiencyTests
{
    [Fact]
    public void An_accepted_plan_is_efficient_exactly_when_no_feasible_plan_dominates_it()
    {
        var search = new CounterOfferSearch();
        var checkedPlans = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var reference = ExhaustiveReference.FeasiblePlans(context);
            if (reference.Count == 0)
            {
                continue;
            }

            var efficient = ReferenceSet.Efficient(reference);
            var dominated = reference.Where(p => !efficient.Contains(p)).OrderByDescending(p => p.Score).Take(1);
            foreach (var plan in efficient.OrderByDescending(p => p.Score).Take(1).Concat(dominated))
            {
                var (isEfficient, stats) = search.CheckEfficiency(context, plan, TimeSpan.FromSeconds(30), CancellationToken.None);
                Assert.True(stats.OptimalProven, $"seed {seed}: not proven");
                Assert.Equal(!reference.Any(p => Dominance.Dominates(p, plan)), isEfficient);
                checkedPlans++;
            }
        }

        Assert.True(checkedPlans >= 40, $"only {checkedPlans} plans checked");
    }
}
