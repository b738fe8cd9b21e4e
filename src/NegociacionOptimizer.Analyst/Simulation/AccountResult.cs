namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>The result of one work item.</summary>
/// <param name="Item">The account and policy.</param>
/// <param name="Server">The server address that answered; empty in process.</param>
/// <param name="Outcome">What kind of answer.</param>
/// <param name="Best">The rank-1 offer, when there are offers.</param>
/// <param name="Offers">Every returned offer as a point (kept only until the frontier chart is drawn).</param>
/// <param name="SolveMs">The engine's wall time, milliseconds.</param>
/// <param name="OptimalProven">False when a time limit cut the search.</param>
/// <param name="Error">The per-item error, for <see cref="ResultOutcome.Error"/>.</param>
/// <param name="NoOfferReason">
/// Without offers, the code of the first reason the answer gives (e.g. <c>CAPACITY</c>, <c>REVIEW_REQUIRED</c>); empty
/// with offers, for an error, or when the answer names none.
/// </param>
/// <param name="Replayed">Read back from an interrupted run's CSV (<c>--resume</c>): already written, and without offer points.</param>
internal sealed record AccountResult(
    WorkItem Item,
    string Server,
    ResultOutcome Outcome,
    BestOffer? Best,
    IReadOnlyList<OfferPoint> Offers,
    double SolveMs,
    bool OptimalProven,
    string Error,
    string NoOfferReason,
    bool Replayed = false)
{
    /// <summary>Returned offers that start now (<see cref="OfferPoint.StartsNow"/>).</summary>
    public int StartNowOffers => Offers.Count(o => o.StartsNow);
}
