using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>
/// The baseline the engine is measured against: the fixed offer matrix collection shops use today. Pay-in-full at the
/// settlement tier's largest discount, and monthly plans of 3, 6, 12 and 24 installments at the largest discount for their
/// term, with the policy's minimum down payment (no grace); every option that breaks a rule (unaffordable, over the usury
/// cap, below what the company recovers without an agreement…) is dropped, and disputed balances get none, as with the
/// engine. Amounts are on the policy's amount grid.
/// </summary>
public static class RuleBasedOfferMatrix
{
    /// <summary>The fixed installment counts of the matrix.</summary>
    public static IReadOnlyList<int> InstallmentCounts { get; } = [3, 6, 12, 24];

    /// <summary>The matrix's feasible options for a negotiation, best N first (none for a disputed or fraud-claimed balance).</summary>
    public static IReadOnlyList<PlanEvaluation> Offers(NegotiationContext context)
    {
        if (context.Inquiry.Reason.RequiresReview())
        {
            return [];
        }

        var step = context.Policy.AmountStepMinor;
        var b = context.BalanceMinor;
        var options = new List<PlanTerms> { PlanTerms.Settlement(b, context.MaxDiscountMinor(0) / step * step) };
        foreach (var n in InstallmentCounts)
        {
            var discount = context.MaxDiscountMinor(n) / step * step;
            var minDown = PlanEvaluator.MinDownPaymentMinor(context, discount);
            var down = (minDown + step - 1) / step * step;
            options.Add(new PlanTerms(down, discount, Frequency.Monthly, n, 0));
        }

        return [.. options
            .Select(terms => PlanEvaluator.Evaluate(context, terms))
            .Where(plan => plan.IsFeasible)
            .OrderByDescending(plan => plan.Score)];
    }
}
