namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>A way to cut a portfolio in the report's breakdown by segment.</summary>
internal enum SegmentDimension
{
    /// <summary>Why the account fell behind, as the contact found it (REASON_*).</summary>
    Reason,
    /// <summary>Days past due, in 30-day buckets up to 180, then 181–360 and more.</summary>
    DaysPastDue,
    /// <summary>Balance B in major units, by powers of ten (a band is the same whatever the currency's size).</summary>
    BalanceBand,
}
