using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// What a search knows not to be efficient: everything a known feasible plan of <see cref="Points"/> dominates, and
/// every plan of <see cref="Boxes"/>. The fill leaves all of it out of its scope.
/// </summary>
internal sealed class DominatedSet
{
    /// <summary>Known feasible plans: nothing they dominate is efficient.</summary>
    public List<PlanEvaluation> Points { get; } = [];

    /// <summary>Boxes of a structure's grid whose plans were each found dominated (or infeasible).</summary>
    public List<DominatedBox> Boxes { get; } = [];

    /// <summary>Whether <paramref name="plan"/> is known not to be efficient.</summary>
    public bool Contains(PlanEvaluation plan) => Dominance.AnyDominates(Points, plan) || Boxes.Any(box => box.Contains(plan.Terms));
}
