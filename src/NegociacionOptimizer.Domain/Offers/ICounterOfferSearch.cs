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
