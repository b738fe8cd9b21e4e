using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// The regions under lines of feasible plans (D + Q, D or Q fixed) that the fill leaves out hold no efficient plan:
/// every feasible plan of the exhaustive reference inside one is dominated by another feasible plan.
/// </summary>
public class DominatedLineTests
{
    [Fact]
    public void Every_feasible_plan_inside_a_line_region_is_dominated()
    {
        var (lines, inside) = (0, 0);
        foreach (var (seed, grid) in Enumerable.Range(3_000, 30).Select(s => (s, (long?)null)).Concat(Enumerable.Range(3_100, 10).Select(s => (s, (long?)40))))
        {
            var context = InstanceGenerator.CreateOnGrid(seed, grid);
            var space = new PlanSpace(context);
            var feasible = ExhaustiveReference.FeasiblePlans(context);
            var regions = feasible.Where((_, index) => index % 11 == 0).SelectMany(p => DominatedLine.Through(space, p)).Distinct().ToList();
            lines += regions.Count;
            foreach (var plan in feasible.Where(p => regions.Any(r => r.Contains(p))))
            {
                inside++;
                Assert.True(feasible.Any(other => Dominance.Dominates(other, plan)),
                    $"seed {seed}: {plan.Terms} lies in a line's region and nothing dominates it");
            }
        }

        Assert.True(lines > 100 && inside > 1_000, $"only {lines} lines and {inside} plans inside them");
    }

    [Fact]
    public void A_plateau_box_returns_the_best_undominated_plan_among_all_it_holds()
    {
        var boxes = 0;
        for (var seed = 3_200; seed < 3_240; seed++)
        {
            var context = InstanceGenerator.CreateOnGrid(seed, 40);
            var space = new PlanSpace(context);
            var feasible = ExhaustiveReference.FeasiblePlans(context).Where(p => !p.Terms.IsSettlement).ToList();
            foreach (var start in feasible.Where((_, index) => index % 97 == 0).Take(4))
            {
                // Plans above the median N count as dominated, so the box's best must skip them.
                var median = feasible.Select(p => p.Score).Order().ElementAt(feasible.Count / 2);
                var (box, best) = LocalSearch.Plateau(space, start, start.Score * 0.999, p => p.Score > median, 512);
                boxes++;
                Assert.Equal(start.Terms.Structure, box.Structure);
                Assert.True(box.Contains(start.Terms), $"seed {seed}: the box {box} leaves out {start.Terms}");
                var inBox = feasible.Where(p => box.Contains(p.Terms) && p.Score <= median).ToList();
                Assert.Equal(inBox.Select(p => p.Score).DefaultIfEmpty(double.NaN).Max(), best?.Score ?? double.NaN);
            }
        }

        Assert.True(boxes > 40, $"only {boxes} boxes checked");
    }
}
