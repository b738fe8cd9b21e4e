using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// The boxes the fill leaves out hold no efficient plan: every plan of a box grown around a dominated plan is
/// infeasible or dominated by a feasible plan of the exhaustive reference.
/// </summary>
public class TranslatedDominanceTests
{
    [Fact]
    public void Every_plan_of_a_box_grown_around_a_dominated_plan_is_infeasible_or_dominated()
    {
        var (boxes, plansChecked) = (0, 0);
        for (var seed = 2_000; seed < 2_060 && boxes < 40; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var space = new PlanSpace(context);
            var feasible = ExhaustiveReference.FeasiblePlans(context);
            var budget = new SolveBudget(TimeSpan.FromSeconds(60), CancellationToken.None);
            // A few dominated plans of each instance, spread over the reference's list.
            var dominated = feasible.Where(p => !p.Terms.IsSettlement && feasible.Any(o => Dominance.Dominates(o, p)))
                .Where((_, index) => index % 97 == 0).Take(3);
            foreach (var plan in dominated)
            {
                var (dominators, proven) = ParetoCheck.FindDominators(space, plan, budget, strengthen: true);
                Assert.True(proven && dominators.Count > 0, $"seed {seed}: {plan.Terms} has a dominator the check missed");
                if (TranslatedDominance.Around(space, plan, dominators) is not { } box)
                {
                    continue;
                }

                boxes++;
                Assert.True(box.Contains(plan.Terms), $"seed {seed}: the box {box} leaves out {plan.Terms}");
                var step = context.Policy.AmountStepMinor;
                for (var down = box.DownLow; down <= box.DownHigh; down += step)
                {
                    for (var discount = box.DiscountLow; discount <= box.DiscountHigh; discount += step)
                    {
                        var terms = plan.Terms with { DownPaymentMinor = down, DiscountMinor = discount };
                        var inside = PlanEvaluator.Evaluate(context, terms, detail: false);
                        plansChecked++;
                        Assert.True(!inside.IsFeasible || feasible.Any(o => Dominance.Dominates(o, inside)),
                            $"seed {seed}: {terms} in the box {box} is feasible and efficient");
                    }
                }
            }
        }

        Assert.True(boxes >= 10, $"only {boxes} boxes grown");
        Assert.True(plansChecked > boxes, $"only {plansChecked} plans in {boxes} boxes");
    }
}
