using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>
/// Whether a proposal is acceptable, and the plan it becomes (SPEC §1, EvaluateProposal). A proposal that fixes n names
/// one plan (free terms take <see cref="ProposalTerms.PlanWith"/>'s defaults), judged exactly as proposed; a proposed
/// installment amount must then cover the plan's installment. A partial proposal (n free) becomes the plan, among
/// those with the proposed terms and every n, that meets every rule with a monthly installment no larger than the one
/// proposed, and is nearest to it (ties: higher N, then fewer installments); every candidate is evaluated exactly.
/// </summary>
public static class ProposalVerdict
{
    /// <summary>The verdict on <paramref name="proposal"/>.</summary>
    public static ProposalJudgement Judge(NegotiationContext context, ProposalTerms proposal)
    {
        if (proposal.Installments is { } n)
        {
            var plan = PlanEvaluator.Evaluate(context, proposal.PlanWith(context, n));
            var shortfall = Short(context, proposal, plan);
            return new ProposalJudgement(plan.IsFeasible && shortfall is null ? plan : null, plan.Violations, shortfall, null);
        }

        var candidates = Completions(context, proposal).ToList();
        var accepted = candidates
            .Where(c => c.IsFeasible && Short(context, proposal, c) is null)
            .OrderBy(c => ProposalDistance.Points(context, proposal, c.Terms, c.InstallmentMinor))
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Terms.Installments)
            .FirstOrDefault();
        if (accepted is not null)
        {
            return new ProposalJudgement(PlanEvaluator.Evaluate(context, accepted.Terms), [], null, null);
        }

        var own = TermViolations(context, proposal);
        var nearest = candidates
            .OrderBy(c => ProposalDistance.Points(context, proposal, c.Terms, c.InstallmentMinor))
            .ThenBy(c => c.Terms.Installments)
            .FirstOrDefault();
        if (own.Count > 0 || nearest is null)
        {
            // A proposed installment below what the nearest plan needs is listed too, with every term's own breach.
            return new ProposalJudgement(null, own, nearest is null ? null : Short(context, proposal, nearest), null);
        }

        // The proposed terms are each within the rules, but no n makes them a plan: the nearest completion says why.
        return new ProposalJudgement(null, nearest.Violations, Short(context, proposal, nearest), nearest.Terms.Installments);
    }

    /// <summary>The proposed installment amount is below the plan's (compared as monthly equivalents).</summary>
    private static InstallmentShortfall? Short(NegotiationContext context, ProposalTerms proposal, PlanEvaluation plan)
    {
        if (proposal.InstallmentMinor is not { } offered || plan.Terms.IsSettlement)
        {
            return null;
        }

        var proposedYearly = ProposalDistance.YearlyProposed(context, proposal)!.Value;
        var planYearly = plan.InstallmentMinor * plan.Frequency.PeriodsPerYear();
        return planYearly > proposedYearly
            ? new InstallmentShortfall(offered, plan.InstallmentMinor)
            : null;
    }

    /// <summary>Every plan the proposal's fixed terms allow, one per n (a settlement when no installment amount is proposed).</summary>
    private static IEnumerable<PlanEvaluation> Completions(NegotiationContext context, ProposalTerms proposal)
    {
        var b = context.BalanceMinor;
        var q = proposal.DiscountMinor ?? 0;
        if (proposal.InstallmentMinor is null && proposal.Frequency is null && proposal.GracePeriods is not > 0
            && (proposal.DownPaymentMinor is null || proposal.DownPaymentMinor == b - q))
        {
            yield return PlanEvaluator.Evaluate(context, proposal.PlanWith(context, 0), detail: false);
        }

        var f = proposal.InstallmentFrequency(context);
        for (var n = 1; n <= context.Policy.MaxInstallments(f); n++)
        {
            yield return PlanEvaluator.Evaluate(context, proposal.PlanWith(context, n), detail: false);
        }
    }

    /// <summary>Rules a fixed term breaks whatever n is, with the proposal's figure and the limit.</summary>
    private static List<Violation> TermViolations(NegotiationContext context, ProposalTerms proposal)
    {
        var policy = context.Policy;
        var b = context.BalanceMinor;
        var result = new List<Violation>();
        var f = proposal.InstallmentFrequency(context);
        if (proposal.Frequency is not null && !context.Frequencies.Contains(f))
        {
            result.Add(new(RuleCode.Frequency, f.PeriodsPerYear(), context.Inquiry.IncomeFrequency.PeriodsPerYear(), FigureUnit.Periods));
        }

        if (proposal.GracePeriods is { } g && g > policy.MaxGracePeriods)
        {
            result.Add(new(RuleCode.Grace, g, policy.MaxGracePeriods, FigureUnit.Periods));
        }

        if (proposal.DownPaymentMinor is { } d && d > context.Inquiry.LumpSumMinor)
        {
            result.Add(new(RuleCode.LumpSum, d, context.Inquiry.LumpSumMinor, FigureUnit.Minor));
        }

        var largestDiscount = context.MaxDiscountMinor(proposal.InstallmentMinor is null ? 0 : 1);
        if (proposal.DiscountMinor is { } q && q > largestDiscount)
        {
            result.Add(new(RuleCode.DiscountLimit, q, largestDiscount, FigureUnit.Minor));
        }

        if (proposal.InstallmentMinor is { } a)
        {
            var p = f.PeriodsPerYear();
            var monthly = (long)Math.Round(a * (double)p / 12, MidpointRounding.AwayFromZero);
            if ((Int128)a * p > (Int128)context.BurdenCapacityMinor * 12)
            {
                result.Add(new(RuleCode.Burden, monthly, context.BurdenCapacityMinor, FigureUnit.Minor));
            }

            if (context.Inquiry.StatedMonthlyCapacityMinor is { } stated && (Int128)a * p > (Int128)stated * 12)
            {
                result.Add(new(RuleCode.StatedCapacity, monthly, stated, FigureUnit.Minor));
            }

            if (a < policy.MinInstallmentMinor && a < b - (proposal.DownPaymentMinor ?? 0) - (proposal.DiscountMinor ?? 0))
            {
                result.Add(new(RuleCode.MinInstallment, a, policy.MinInstallmentMinor, FigureUnit.Minor));
            }

            if ((proposal.DownPaymentMinor ?? 0) + (proposal.DiscountMinor ?? 0) >= b)
            {
                result.Add(new(RuleCode.NothingFinanced, b - (proposal.DownPaymentMinor ?? 0) - (proposal.DiscountMinor ?? 0), 1, FigureUnit.Minor));
            }
        }

        return result;
    }
}
