using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// A box of one structure's grid, D ∈ [<see cref="DownLow"/>, <see cref="DownHigh"/>] and Q ∈ [<see cref="DiscountLow"/>,
/// <see cref="DiscountHigh"/>] (minor units, multiples of the step), none of whose plans is efficient: each was evaluated
/// exactly and is infeasible or dominated by a feasible plan (<see cref="TranslatedDominance"/>).
/// </summary>
internal sealed record DominatedBox(PlanStructure Structure, long DownLow, long DownHigh, long DiscountLow, long DiscountHigh)
{
    /// <summary>Whether the box holds <paramref name="terms"/>.</summary>
    public bool Contains(PlanTerms terms) =>
        !terms.IsSettlement && terms.Structure == Structure
        && terms.DownPaymentMinor >= DownLow && terms.DownPaymentMinor <= DownHigh
        && terms.DiscountMinor >= DiscountLow && terms.DiscountMinor <= DiscountHigh;
}
