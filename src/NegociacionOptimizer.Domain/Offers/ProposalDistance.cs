using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>
/// How far a plan is from a proposal, counting only the terms the person fixed (docs/ENGINE.md, "Counter-offers"):
/// <code>
/// distance = 10·|A_m − A_m,p|/s + 3·|n − n_p| + 2·|D − D_p|/s + 1·|Q − Q_p|/s + 10·[f ≠ f_p] + 2·|g − g_p|
/// </code>
/// with s the policy's amount step and A_m = A·p/12 the monthly equivalent of the installment (the proposed amount at
/// the proposed frequency, or the income frequency when free). A settlement has A = 0, n = 0, g = 0 and no frequency
/// term. The installment amount weighs most, then the number of installments, then the down payment, then the
/// discount. Computed exactly in integers as <see cref="Points"/> = 12·s·distance, the form the solver minimizes.
/// </summary>
public static class ProposalDistance
{
    /// <summary>Weight of one amount step of monthly installment.</summary>
    public const int InstallmentWeight = 10;

    /// <summary>Weight of one installment more or fewer.</summary>
    public const int InstallmentsWeight = 3;

    /// <summary>Weight of one amount step of down payment.</summary>
    public const int DownPaymentWeight = 2;

    /// <summary>Weight of one amount step of discount.</summary>
    public const int DiscountWeight = 1;

    /// <summary>Weight of another frequency.</summary>
    public const int FrequencyWeight = 10;

    /// <summary>Weight of one grace period more or fewer.</summary>
    public const int GraceWeight = 2;

    /// <summary>The distance of <paramref name="plan"/> from <paramref name="proposal"/>, in amount steps.</summary>
    public static double Of(NegotiationContext context, ProposalTerms proposal, PlanTerms plan, long installmentMinor) =>
        (double)Points(context, proposal, plan, installmentMinor) / Denominator(context);

    /// <summary>12·s: <see cref="Points"/> per unit of distance.</summary>
    public static long Denominator(NegotiationContext context) => 12 * context.Policy.AmountStepMinor;

    /// <summary>12·s·distance, an integer: the installment term on yearly amounts A·p, the money terms times 12.</summary>
    public static long Points(NegotiationContext context, ProposalTerms proposal, PlanTerms plan, long installmentMinor)
    {
        var yearly = plan.IsSettlement ? 0 : installmentMinor * plan.Frequency.PeriodsPerYear();
        long points = 0;
        if (YearlyProposed(context, proposal) is { } proposedYearly)
        {
            points += InstallmentWeight * Math.Abs(yearly - proposedYearly);
        }

        if (proposal.DownPaymentMinor is { } down)
        {
            points += 12L * DownPaymentWeight * Math.Abs(plan.DownPaymentMinor - down);
        }

        if (proposal.DiscountMinor is { } discount)
        {
            points += 12L * DiscountWeight * Math.Abs(plan.DiscountMinor - discount);
        }

        return points + (Denominator(context) * StructurePoints(proposal, plan.Structure));
    }

    /// <summary>A_p·p: the proposed installment's yearly amount (null when the amount is free).</summary>
    public static long? YearlyProposed(NegotiationContext context, ProposalTerms proposal) =>
        proposal.InstallmentMinor * proposal.InstallmentFrequency(context).PeriodsPerYear();

    /// <summary>The structure's part of the distance, in steps: 3·|n − n_p| + 10·[f ≠ f_p] + 2·|g − g_p|.</summary>
    public static long StructurePoints(ProposalTerms proposal, PlanStructure structure)
    {
        long points = 0;
        if (proposal.Installments is { } n)
        {
            points += InstallmentsWeight * Math.Abs(structure.Installments - n);
        }

        if (proposal.Frequency is { } f && !structure.IsSettlement && structure.Frequency != f)
        {
            points += FrequencyWeight;
        }

        if (proposal.GracePeriods is { } g)
        {
            points += GraceWeight * Math.Abs(structure.GracePeriods - g);
        }

        return points;
    }
}
