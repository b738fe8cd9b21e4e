using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>The answer of a search.</summary>
/// <param name="Outcome">What kind of answer.</param>
/// <param name="Offers">Ranked offers, rank 1 first.</param>
/// <param name="NoOfferReasons">Why there is no offer: the conflicting rules with their figures.</param>
/// <param name="Suggestions">The smallest changes that would make an offer exist.</param>
/// <param name="Stats">How the search went.</param>
public sealed record OfferSet(
    OfferOutcome Outcome,
    IReadOnlyList<RankedOffer> Offers,
    IReadOnlyList<Violation> NoOfferReasons,
    IReadOnlyList<Suggestion> Suggestions,
    SolveStats Stats);
