namespace NegociacionOptimizer.Domain.Offers;

/// <summary>The counter-offers to one proposal and how the search went.</summary>
/// <param name="Offers">Nearest first.</param>
/// <param name="Stats">Search statistics.</param>
public sealed record CounterOfferSet(IReadOnlyList<CounterOffer> Offers, SolveStats Stats);
