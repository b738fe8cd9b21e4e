namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>What one account got under one policy.</summary>
internal enum ResultOutcome
{
    /// <summary>At least one offer.</summary>
    Offers,
    /// <summary>No plan meets every constraint.</summary>
    NoFeasiblePlan,
    /// <summary>Disputed or fraud-claimed balance: no offers until review.</summary>
    ReviewRequired,
    /// <summary>The item failed (a server's per-item error).</summary>
    Error,
}

/// <summary>The rank-1 offer's figures, money rounded to minor units as the wire reports them.</summary>
/// <param name="Kind">settlement, plan or deferred_plan.</param>
/// <param name="Frequency">FREQUENCY_* name; empty for a settlement.</param>
/// <param name="Installments">n.</param>
/// <param name="GracePeriods">g.</param>
/// <param name="DownPaymentMinor">D.</param>
/// <param name="DiscountMinor">Q.</param>
/// <param name="InstallmentMinor">A.</param>
/// <param name="ExpectedNpvMinor">E[NPV].</param>
/// <param name="RecoveryRatio">E[NPV] / B.</param>
/// <param name="Burden">Monthly equivalent over disposable income (0 for a settlement).</param>
/// <param name="CompanyValueMinor">U_c.</param>
/// <param name="PersonValueMinor">U_d.</param>
/// <param name="Score">N.</param>
internal sealed record BestOffer(
    string Kind,
    string Frequency,
    int Installments,
    int GracePeriods,
    long DownPaymentMinor,
    long DiscountMinor,
    long InstallmentMinor,
    long ExpectedNpvMinor,
    double RecoveryRatio,
    double Burden,
    long CompanyValueMinor,
    long PersonValueMinor,
    double Score)
{
    public const string Settlement = "settlement";
    public const string Plan = "plan";
    public const string DeferredPlan = "deferred_plan";
}

/// <summary>One returned offer as a point of the U_c / U_d plane.</summary>
/// <param name="Rank">1 = highest N.</param>
/// <param name="CompanyValueMinor">U_c.</param>
/// <param name="PersonValueMinor">U_d.</param>
/// <param name="StartsNow">A settlement or a plan without grace periods (g = 0): the person starts paying now.</param>
internal sealed record OfferPoint(int Rank, long CompanyValueMinor, long PersonValueMinor, bool StartsNow);

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
