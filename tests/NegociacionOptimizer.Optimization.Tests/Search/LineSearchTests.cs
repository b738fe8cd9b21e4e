using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// On a fine grid the plans near the best lie within the cuts' rounding margin of it, where no cut can exclude them: the
/// search must close their lines of equal D + Q (a settlement's line is D = B − Q) by exact evaluations instead of one
/// solve per plan, and still end at the best plan.
/// </summary>
public class LineSearchTests
{
    private const long FineGrid = 20_000;

    private static readonly int[] Seeds = [.. Enumerable.Range(3_000, 12)];

    [Fact]
    public void The_settlement_search_on_a_fine_grid_ends_at_the_best_settlement_in_a_few_solves()
    {
        var searched = 0;
        foreach (var seed in Seeds)
        {
            var context = InstanceGenerator.CreateOnGrid(seed, FineGrid);
            var step = context.Policy.AmountStepMinor;
            var best = Enumerable.Range(0, (int)(context.MaxDiscountMinor(0) / step) + 1)
                .Select(q => PlanEvaluator.Evaluate(context, PlanTerms.Settlement(context.BalanceMinor, q * step), detail: false))
                .Where(p => p.IsFeasible)
                .MaxBy(p => p.Score);
            var budget = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);

            var result = ScoreSearch.Maximize(new PlanSpace(context), _ => false, includeSettlement: true, new DominatedSet(), [], budget);

            Assert.True(result.Proven, $"seed {seed}");
            Assert.Equal(best?.Score, result.Best?.Score);
            Assert.True(budget.Calls <= 3, $"seed {seed}: {budget.Calls} solves");
            searched += best is null ? 0 : 1;
        }

        Assert.True(searched >= Seeds.Length / 2, $"only {searched} instances with a feasible settlement");
    }

    [Fact]
    public void A_structure_search_on_a_fine_grid_without_a_lump_sum_ends_at_the_structures_best_plan()
    {
        var searched = 0;
        foreach (var seed in Enumerable.Range(3_000, 60))
        {
            var context = InstanceGenerator.CreateOnGrid(seed, FineGrid);
            var space = new PlanSpace(context);
            if (space.MaxDownSteps != 0 || space.Structures.Count == 0)
            {
                continue;
            }

            // Without a lump sum D = 0, so the structure's plans are one line of Q: enumerable on a fine grid.
            var structure = space.Structures[space.Structures.Count / 2].Structure;
            var step = space.Step;
            var best = Enumerable.Range(0, (int)space.Structures[space.Structures.Count / 2].MaxDiscountSteps + 1)
                .Where(q => q * step < space.Balance)
                .Select(q => PlanEvaluator.Evaluate(context, new PlanTerms(0, q * step, structure.Frequency, structure.Installments, structure.GracePeriods), detail: false))
                .Where(p => p.IsFeasible)
                .MaxBy(p => p.Score);
            var budget = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);

            var result = ScoreSearch.Maximize(space, s => s == structure, includeSettlement: false, new DominatedSet(), [], budget);

            Assert.True(result.Proven, $"seed {seed}");
            Assert.Equal(best?.Score, result.Best?.Score);
            searched++;
        }

        Assert.True(searched >= 6, $"only {searched} instances without a lump sum");
    }

    [Fact]
    public void A_segment_gives_the_best_plan_between_two_plans_of_one_line_and_nothing_for_plans_off_a_line()
    {
        var segments = 0;
        foreach (var (seed, space, feasible, dominated) in HalfDominated())
        {
            foreach (var (from, to) in feasible.Where((_, i) => i % 29 == 0).SelectMany(a => feasible.Where(b => b.Terms.Structure == a.Terms.Structure).Take(40), (a, b) => (a, b)))
            {
                var (a, b) = (from.Terms, to.Terms);
                var onLine = (a.DownPaymentMinor == b.DownPaymentMinor) != (a.DiscountMinor == b.DiscountMinor);
                var best = LocalSearch.Segment(space, from, to, dominated, 4_096);
                if (!onLine || Math.Abs(a.DownPaymentMinor - b.DownPaymentMinor + a.DiscountMinor - b.DiscountMinor) < 2 * space.Step)
                {
                    Assert.Null(best);
                    continue;
                }

                segments++;
                var between = feasible.Where(p => p.Terms.Structure == a.Structure && !dominated(p)
                    && Between(p.Terms.DownPaymentMinor, a.DownPaymentMinor, b.DownPaymentMinor)
                    && Between(p.Terms.DiscountMinor, a.DiscountMinor, b.DiscountMinor)).ToList();
                Assert.Equal(between.Select(p => p.Score).DefaultIfEmpty(double.NaN).Max(), best?.Score ?? double.NaN);
            }
        }

        Assert.True(segments > 100, $"only {segments} segments checked");
    }

    [Fact]
    public void A_ridge_walk_ends_at_a_feasible_undominated_plan_of_the_same_structure_at_least_as_good()
    {
        var (walks, further) = (0, 0);
        foreach (var (seed, space, feasible, dominated) in HalfDominated())
        {
            foreach (var from in feasible.Where((_, i) => i % 31 == 0))
            {
                foreach (var to in feasible.Where(p => p.Terms.Structure == from.Terms.Structure && p.Score > from.Score && !dominated(p)).Take(5))
                {
                    walks++;
                    var end = LocalSearch.Ridge(space, from, to, dominated);
                    Assert.Equal(to.Terms.Structure, end.Terms.Structure);
                    Assert.True(end.IsFeasible && !dominated(end) && end.Score >= to.Score, $"seed {seed}: {end.Terms} from {to.Terms}");
                    Assert.Equal(end.Score, PlanEvaluator.Evaluate(space.Context, end.Terms, detail: false).Score);
                    further += end.Score > to.Score ? 1 : 0;
                }
            }
        }

        Assert.True(walks > 200 && further > 10, $"only {walks} walks, {further} of which moved");
    }

    /// <summary>
    /// Reference instances on a 40-step grid with their feasible plans (settlements left out), where the plans above the
    /// median N count as dominated, so a search's best must skip them.
    /// </summary>
    private static IEnumerable<(int Seed, PlanSpace Space, List<PlanEvaluation> Feasible, Func<PlanEvaluation, bool> Dominated)> HalfDominated()
    {
        for (var seed = 3_200; seed < 3_230; seed++)
        {
            var context = InstanceGenerator.CreateOnGrid(seed, 40);
            var feasible = ExhaustiveReference.FeasiblePlans(context).Where(p => !p.Terms.IsSettlement).ToList();
            var median = feasible.Select(p => p.Score).Order().ElementAtOrDefault(feasible.Count / 2);
            yield return (seed, new PlanSpace(context), feasible, p => p.Score > median);
        }
    }

    private static bool Between(long value, long one, long other) => value >= Math.Min(one, other) && value <= Math.Max(one, other);
}
