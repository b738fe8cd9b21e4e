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
}
