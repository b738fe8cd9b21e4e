using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>
/// The rules that shaped a plan: those it meets with less than one grid step (or rounding unit) to spare, so that the
/// next larger installment, discount or term would break them. Each comes with the plan's figure and the limit.
/// </summary>
public static class BindingConstraints
{
    /// <summary>Near-binding tolerance of the usury cap, bp.</summary>
    private const int UsuryToleranceBp = 25;

    /// <summary>The binding rules of a feasible plan, most telling first.</summary>
    public static IReadOnlyList<Violation> Of(NegotiationContext context, PlanEvaluation plan)
    {
        var policy = context.Policy;
        var terms = plan.Terms;
        var step = policy.AmountStepMinor;
        var result = new List<Violation>();
        if (!terms.IsSettlement)
        {
            var p = terms.Frequency.PeriodsPerYear();
            var next = (Int128)(plan.InstallmentMinor + policy.RoundingUnitMinor) * p;
            var monthly = (long)Math.Round(plan.MonthlyEquivalentMinor, MidpointRounding.AwayFromZero);
            if (context.Inquiry.StatedMonthlyCapacityMinor is { } stated && stated <= context.BurdenCapacityMinor && next > (Int128)stated * 12)
            {
                result.Add(new(RuleCode.StatedCapacity, monthly, stated, FigureUnit.Minor));
            }
            else if (next > (Int128)context.BurdenCapacityMinor * 12)
            {
                result.Add(new(RuleCode.Burden, monthly, context.BurdenCapacityMinor, FigureUnit.Minor));
            }

            if (terms.Installments >= 2 && plan.InstallmentMinor - policy.RoundingUnitMinor < policy.MinInstallmentMinor)
            {
                result.Add(new(RuleCode.MinInstallment, plan.InstallmentMinor, policy.MinInstallmentMinor, FigureUnit.Minor));
            }

            if (terms.Installments == policy.MaxInstallments(terms.Frequency))
            {
                result.Add(new(RuleCode.Term, terms.Installments, terms.Installments, FigureUnit.Installments));
            }

            if (terms.GracePeriods > 0 && terms.GracePeriods == policy.MaxGracePeriods)
            {
                result.Add(new(RuleCode.Grace, terms.GracePeriods, policy.MaxGracePeriods, FigureUnit.Periods));
            }

            var minDown = PlanEvaluator.MinDownPaymentMinor(context, terms.DiscountMinor);
            if (policy.MinDownPaymentBp > 0 && terms.DownPaymentMinor - step < minDown)
            {
                result.Add(new(RuleCode.MinDownPayment, terms.DownPaymentMinor, minDown, FigureUnit.Minor));
            }

            var cftBp = (long)Math.Round(plan.EffectiveAnnualCost * BasisPoints.Whole);
            if (plan.NominalRateBp > 0 && policy.MaxEffectiveAnnualRateBp - cftBp < UsuryToleranceBp)
            {
                result.Add(new(RuleCode.UsuryCap, cftBp, policy.MaxEffectiveAnnualRateBp, FigureUnit.BasisPoints));
            }
        }

        if (terms.DownPaymentMinor > 0 && terms.DownPaymentMinor + step > context.Inquiry.LumpSumMinor)
        {
            result.Add(new(RuleCode.LumpSum, terms.DownPaymentMinor, context.Inquiry.LumpSumMinor, FigureUnit.Minor));
        }

        var maxDiscount = context.MaxDiscountMinor(terms.Installments);
        if (terms.DiscountMinor > 0 && terms.DiscountMinor + step > maxDiscount)
        {
            result.Add(new(RuleCode.DiscountLimit, terms.DiscountMinor, maxDiscount, FigureUnit.Minor));
        }

        return result;
    }
}
