using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>Pareto dominance in (U_c, U_d) (SPEC §5), with a tolerance of a millionth of a minor unit for float noise.</summary>
public static class Dominance
{
    private const double Tolerance = 1e-6;

    /// <summary>True when <paramref name="a"/> has U_c and U_d both at least <paramref name="b"/>'s and one higher.</summary>
    public static bool Dominates(PlanEvaluation a, PlanEvaluation b) =>
        a.CompanyValueMinor >= b.CompanyValueMinor - Tolerance
        && a.PersonValueMinor >= b.PersonValueMinor - Tolerance
        && (a.CompanyValueMinor > b.CompanyValueMinor + Tolerance || a.PersonValueMinor > b.PersonValueMinor + Tolerance);

    /// <summary>
    /// True when, on a segment where both plans' values are affine, every point of the other plan's segment (from
    /// <paramref name="otherFirst"/> to <paramref name="otherLast"/>) dominates the matching point of the plan's (from
    /// <paramref name="planFirst"/> to <paramref name="planLast"/>): both ends dominate, and the same value is strictly
    /// higher at both ends (an affine difference beyond the tolerance at both ends is so between them).
    /// </summary>
    public static bool DominatesOnSegment(PlanEvaluation otherFirst, PlanEvaluation planFirst, PlanEvaluation otherLast, PlanEvaluation planLast) =>
        Dominates(otherFirst, planFirst) && Dominates(otherLast, planLast)
        && ((otherFirst.CompanyValueMinor > planFirst.CompanyValueMinor + Tolerance && otherLast.CompanyValueMinor > planLast.CompanyValueMinor + Tolerance)
            || (otherFirst.PersonValueMinor > planFirst.PersonValueMinor + Tolerance && otherLast.PersonValueMinor > planLast.PersonValueMinor + Tolerance));

    /// <summary>True when any of <paramref name="dominators"/> dominates <paramref name="plan"/>.</summary>
    public static bool AnyDominates(IEnumerable<PlanEvaluation> dominators, PlanEvaluation plan) => dominators.Any(d => Dominates(d, plan));
}
