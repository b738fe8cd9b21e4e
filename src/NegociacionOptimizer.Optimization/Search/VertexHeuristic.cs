using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// A first incumbent for <see cref="ScoreSearch"/> in microseconds: every piece's polygon is scored at its vertices and
/// their midpoints with the linear values, the pieces with the highest estimated N are rounded to the grid, and the
/// candidates are evaluated exactly with the domain; the best feasible one is returned. It decides nothing by itself: a
/// good incumbent only lets the search prune more pieces before CP-SAT proves the optimum.
/// </summary>
internal static class VertexHeuristic
{
    private const int Candidates = 24;

    /// <summary>The best feasible plan found this way in the scope that is not known to be <paramref name="dominated"/>; or null.</summary>
    public static PlanEvaluation? Best(PlanSpace space, Func<PlanStructure, bool> inScope, Func<PlanEvaluation, bool> dominated)
    {
        var w = space.Context.CompanyWeight;
        var estimates = new List<(double Score, StructureSpace Structure, double Down, double Discount)>();
        foreach (var structure in space.Structures.Where(s => inScope(s.Structure)))
        {
            foreach (var piece in structure.Pieces)
            {
                var region = structure.Region(space, piece, tight: true);
                // ln N ranks the points as N does, with two logarithms where N took two powers (a few percent of a
                // portfolio comparison's time: every piece of every request is scored).
                var best = (Score: double.NegativeInfinity, Down: 0.0, Discount: 0.0);
                foreach (var (down, discount) in region.Points())
                {
                    var (company, person) = region.Values(down, discount);
                    var score = company > 0 && person > 0 ? (w * Math.Log(company)) + ((1 - w) * Math.Log(person)) : double.NegativeInfinity;
                    if (score > best.Score)
                    {
                        best = (score, down, discount);
                    }
                }

                if (best.Score > double.NegativeInfinity)
                {
                    estimates.Add((best.Score, structure, best.Down, best.Discount));
                }
            }
        }

        PlanEvaluation? incumbent = null;
        foreach (var (_, structure, down, discount) in estimates.OrderByDescending(e => e.Score).Take(Candidates))
        {
            foreach (var terms in Rounded(space, structure.Structure, down, discount, space.MaxDownSteps))
            {
                var evaluation = PlanEvaluator.Evaluate(space.Context, terms, detail: false);
                if (evaluation.IsFeasible && (incumbent is null || evaluation.Score > incumbent.Score)
                    && !dominated(evaluation))
                {
                    incumbent = evaluation;
                }
            }
        }

        return incumbent;
    }

    /// <summary>
    /// A plan that breaks no rule but the <paramref name="relaxed"/> ones, found among the rounded vertices of the
    /// pieces' regions (which leave those rules out) within a fixed number of exact evaluations; null if none is met.
    /// It lets a diagnosis see that some rules leave a plan without a CP-SAT solve.
    /// </summary>
    public static PlanTerms? Witness(PlanSpace space, IReadOnlySet<Model.Rule> relaxed)
    {
        const int MaxEvaluations = 2_000;
        var allowed = relaxed.Select(r => r.Code()).ToHashSet();
        var maxDownSteps = relaxed.Contains(Model.Rule.LumpSum) ? space.Balance / space.Step : space.MaxDownSteps;
        var evaluations = 0;
        foreach (var structure in space.Structures)
        {
            foreach (var piece in structure.Pieces)
            {
                var region = new PieceRegion(space, structure, piece, tight: true, relaxed);
                foreach (var (down, discount) in region.Points())
                {
                    foreach (var terms in Rounded(space, structure.Structure, down, discount, maxDownSteps))
                    {
                        if (++evaluations > MaxEvaluations)
                        {
                            return null;
                        }

                        if (PlanEvaluator.Evaluate(space.Context, terms, detail: false).Violations.All(v => allowed.Contains(v.Code)))
                        {
                            return terms;
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The grid points around (D, Q): each rounded down and up to the step, inside the grid.</summary>
    private static IEnumerable<PlanTerms> Rounded(PlanSpace space, PlanStructure structure, double down, double discount, long maxDownSteps)
    {
        var step = space.Step;
        var downs = new[] { Math.Floor(down / step), Math.Ceiling(down / step) }.Distinct();
        var discounts = new[] { Math.Floor(discount / step), Math.Ceiling(discount / step) }.Distinct().ToArray();
        foreach (var d in downs)
        {
            foreach (var q in discounts)
            {
                var downMinor = (long)Math.Clamp(d, 0, maxDownSteps) * step;
                var discountMinor = (long)Math.Max(0, q) * step;
                if (downMinor + discountMinor < space.Balance)
                {
                    yield return new PlanTerms(downMinor, discountMinor, structure.Frequency, structure.Installments, structure.GracePeriods);
                }
            }
        }
    }
}
