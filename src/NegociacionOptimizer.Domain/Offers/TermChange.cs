using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>One fixed term of a proposal and its value in a counter-offer.</summary>
/// <param name="Term">Which term.</param>
/// <param name="Proposed">The proposal's value (installments, periods, minor units, or periods a year for the frequency).</param>
/// <param name="Offered">The counter-offer's value, same unit.</param>
public sealed record TermChange(ProposalTerm Term, long Proposed, long Offered)
{
    /// <summary>True when the counter-offer keeps the proposed value.</summary>
    public bool IsKept => Proposed == Offered;

    /// <summary>The fixed terms of <paramref name="proposal"/> compared with <paramref name="plan"/>, most important first.</summary>
    public static IReadOnlyList<TermChange> Between(ProposalTerms proposal, PlanEvaluation plan)
    {
        var terms = plan.Terms;
        var changes = new List<TermChange>();
        if (proposal.InstallmentMinor is { } a)
        {
            changes.Add(new(ProposalTerm.InstallmentAmount, a, terms.IsSettlement ? 0 : plan.InstallmentMinor));
        }

        if (proposal.Installments is { } n)
        {
            changes.Add(new(ProposalTerm.Installments, n, terms.Installments));
        }

        if (proposal.DownPaymentMinor is { } d)
        {
            changes.Add(new(ProposalTerm.DownPayment, d, terms.DownPaymentMinor));
        }

        if (proposal.DiscountMinor is { } q)
        {
            changes.Add(new(ProposalTerm.Discount, q, terms.DiscountMinor));
        }

        if (proposal.Frequency is { } f && !terms.IsSettlement)
        {
            changes.Add(new(ProposalTerm.Frequency, f.PeriodsPerYear(), terms.Frequency.PeriodsPerYear()));
        }

        if (proposal.GracePeriods is { } g)
        {
            changes.Add(new(ProposalTerm.GracePeriods, g, terms.GracePeriods));
        }

        return changes;
    }
}
