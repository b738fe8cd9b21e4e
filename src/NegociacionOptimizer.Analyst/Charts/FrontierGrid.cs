using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Analyst.Charts;

/// <summary>
/// Every feasible plan of one negotiation on a coarse grid (a few down payments and discounts per structure, terms
/// thinned to at most <see cref="MaxTermsPerFrequency"/> per frequency), evaluated with the domain's
/// <see cref="PlanEvaluator"/>; and the Pareto front of those points. For a picture, not for optimization.
/// </summary>
internal static class FrontierGrid
{
    public const int AmountSteps = 6;
    public const int MaxTermsPerFrequency = 60;

    public static List<ValuePoint> FeasiblePoints(NegotiationContext context)
    {
        var policy = context.Policy;
        var b = context.BalanceMinor;
        var points = new List<ValuePoint>();
        foreach (var q in Amounts(context.MaxDiscountMinor(0), policy.AmountStepMinor))
        {
            Keep(points, PlanEvaluator.Evaluate(context, PlanTerms.Settlement(b, q), detail: false));
        }

        var downs = Amounts(Math.Min(context.Inquiry.LumpSumMinor, b), policy.AmountStepMinor);
        foreach (var f in context.Frequencies)
        {
            var max = policy.MaxInstallments(f);
            var stride = Math.Max(1, (max + MaxTermsPerFrequency - 1) / MaxTermsPerFrequency);
            for (var n = 1; n <= max; n += stride)
            {
                var discounts = Amounts(context.MaxDiscountMinor(n), policy.AmountStepMinor);
                for (var g = 0; g <= policy.MaxGracePeriods; g++)
                {
                    foreach (var d in downs)
                    {
                        foreach (var q in discounts.Where(q => d + q < b))
                        {
                            Keep(points, PlanEvaluator.Evaluate(context, new PlanTerms(d, q, f, n, g), detail: false));
                        }
                    }
                }
            }
        }

        return points;
    }

    /// <summary>The points no other point beats on both U_c and U_d, by U_c ascending.</summary>
    public static List<ValuePoint> ParetoFront(IEnumerable<ValuePoint> points)
    {
        var front = new List<ValuePoint>();
        var bestPerson = double.NegativeInfinity;
        foreach (var p in points.OrderByDescending(p => p.CompanyValueMinor).ThenByDescending(p => p.PersonValueMinor))
        {
            if (p.PersonValueMinor > bestPerson)
            {
                front.Add(p);
                bestPerson = p.PersonValueMinor;
            }
        }

        front.Reverse();
        return front;
    }

    /// <summary><see cref="AmountSteps"/> amounts from 0 to <paramref name="max"/>, multiples of the step, distinct.</summary>
    private static List<long> Amounts(long max, long step) =>
        [.. Enumerable.Range(0, AmountSteps).Select(i => max * i / (AmountSteps - 1) / step * step).Distinct()];

    private static void Keep(List<ValuePoint> points, PlanEvaluation plan)
    {
        if (plan.IsFeasible)
        {
            points.Add(new ValuePoint(plan.CompanyValueMinor, plan.PersonValueMinor));
        }
    }
}
