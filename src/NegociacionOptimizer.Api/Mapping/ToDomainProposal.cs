using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>A validated proposal → the domain's <see cref="ProposalTerms"/>: only the terms the person fixed are set.</summary>
public static class ToDomainProposal
{
    /// <summary>
    /// The fixed terms of <paramref name="proposal"/>: a discount in bp becomes ⌊B·bp/10000⌋; the first due date asked for
    /// becomes the grace periods before the first pay day on or after it (at the proposed frequency, or the income one).
    /// </summary>
    public static ProposalTerms Terms(V1.Proposal proposal, NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(context);
        long? discount = proposal.HasDiscountMinor ? proposal.DiscountMinor
            : proposal.HasDiscountBp ? new BasisPoints(proposal.DiscountBp).ShareFloor(context.BalanceMinor) : null;
        var frequency = ToDomain.Frequency(proposal.Frequency);
        var terms = new ProposalTerms(
            DownPaymentMinor: proposal.HasDownPaymentMinor ? proposal.DownPaymentMinor : null,
            DiscountMinor: discount,
            Frequency: frequency,
            Installments: proposal.HasInstallments ? proposal.Installments : null,
            InstallmentMinor: proposal.HasInstallmentMinor ? proposal.InstallmentMinor : null);
        return IsoDates.TryParse(proposal.FirstDueDate, out var first)
            ? terms with { GracePeriods = GracePeriods(first, terms.InstallmentFrequency(context), context) }
            : terms;
    }

    /// <summary>g: the periods before the first due date on or after <paramref name="first"/>.</summary>
    private static int GracePeriods(DateOnly first, D.Accounts.Frequency frequency, NegotiationContext context)
    {
        const int Horizon = 60;
        var dates = context.DueDatesFor(frequency, Horizon);
        for (var period = 1; period <= dates.Count; period++)
        {
            if (dates.Date(period) >= first)
            {
                return period - 1;
            }
        }

        return dates.Count;
    }
}
