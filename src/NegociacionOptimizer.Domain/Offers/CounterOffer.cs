using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>Finds the feasible plans nearest to a proposal (SPEC §1, EvaluateProposal).</summary>
public interface ICounterOfferSearch
{
    /// <summary>
    /// Up to <paramref name="count"/> feasible plans nearest to <paramref name="proposal"/> by
    /// <see cref="ProposalDistance"/>, nearest first, no two with the same (frequency, n). Stops early, keeping what it
    /// found, when the time limit passes or <paramref name="cancellationToken"/> fires.
    /// </summary>
    CounterOfferSet Nearest(NegotiationContext context, ProposalTerms proposal, int count, TimeSpan limit, CancellationToken cancellationToken);

    /// <summary>
    /// Whether no feasible plan of the grid dominates <paramref name="plan"/> (at least as good for both sides, better
    /// for one: SPEC §5's Pareto flag, for an accepted proposal); not efficient when the check did not finish within
    /// the limit, and the stats then say it was not proven.
    /// </summary>
    (bool Efficient, SolveStats Stats) CheckEfficiency(NegotiationContext context, PlanEvaluation plan, TimeSpan limit, CancellationToken cancellationToken);
}

/// <summary>The counter-offers to one proposal and how the search went.</summary>
/// <param name="Offers">Nearest first.</param>
/// <param name="Stats">Search statistics.</param>
public sealed record CounterOfferSet(IReadOnlyList<CounterOffer> Offers, SolveStats Stats);

/// <summary>A feasible plan near a proposal.</summary>
/// <param name="Plan">Every figure of the plan (with its schedule).</param>
/// <param name="Distance">Its <see cref="ProposalDistance"/> from the proposal.</param>
/// <param name="Changes">Each term the person fixed, as proposed and as offered.</param>
/// <param name="BindingConstraints">Rules the plan meets exactly or nearly.</param>
/// <param name="ParetoEfficient">True when no feasible plan has U_c and U_d both ≥ and one &gt;.</param>
public sealed record CounterOffer(
    PlanEvaluation Plan, double Distance, IReadOnlyList<TermChange> Changes, IReadOnlyList<Violation> BindingConstraints, bool ParetoEfficient);

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

/// <summary>A term a proposal can fix.</summary>
public enum ProposalTerm
{
    /// <summary>The installment amount A.</summary>
    InstallmentAmount,
    /// <summary>The number of installments n.</summary>
    Installments,
    /// <summary>The down payment D.</summary>
    DownPayment,
    /// <summary>The discount Q.</summary>
    Discount,
    /// <summary>The frequency f (as periods a year).</summary>
    Frequency,
    /// <summary>The grace periods g.</summary>
    GracePeriods,
}
