using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Tests.Reference;

/// <summary>
/// The correctness oracle (SPEC §6): every plan on the engine's own grid — every structure the policy allows, every D and
/// Q that are multiples of the amount step (a settlement's D = B − Q) — evaluated with the same domain code.
/// </summary>
internal static class ExhaustiveReference
{
    public static List<PlanEvaluation> FeasiblePlans(NegotiationContext context)
    {
        var policy = context.Policy;
        var step = policy.AmountStepMinor;
        var b = context.BalanceMinor;
        var plans = new List<PlanEvaluation>();
        for (long q = 0; q * step <= context.MaxDiscountMinor(0); q++)
        {
            Keep(plans, PlanEvaluator.Evaluate(context, PlanTerms.Settlement(b, q * step), detail: false));
        }

        var maxDown = Math.Min(context.Inquiry.LumpSumMinor, b) / step;
        foreach (var f in context.Frequencies)
        {
            for (var n = 1; n <= policy.MaxInstallments(f); n++)
            {
                var maxQ = context.MaxDiscountMinor(n) / step;
                for (var g = 0; g <= policy.MaxGracePeriods; g++)
                {
                    for (long d = 0; d <= maxDown; d++)
                    {
                        for (long q = 0; q <= maxQ && (d + q) * step < b; q++)
                        {
                            Keep(plans, PlanEvaluator.Evaluate(context, new PlanTerms(d * step, q * step, f, n, g), detail: false));
                        }
                    }
                }
            }
        }

        return plans;
    }

    private static void Keep(List<PlanEvaluation> plans, PlanEvaluation plan)
    {
        if (plan.IsFeasible)
        {
            plans.Add(plan);
        }
    }
}
