namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>What a run produced beyond the CSV rows.</summary>
/// <param name="Tallies">One summary per policy.</param>
/// <param name="Accounts">Accounts fully processed (under every policy).</param>
/// <param name="Frontier">The frontier account, when one qualified.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="StoppedEarly">True when the time bound or a cancel request ended the run before the portfolio did.</param>
/// <param name="Segments">The same figures by segment (reason, days past due, balance band).</param>
/// <param name="AsOf">The earliest and latest valuation date of the accounts processed; null when none was.</param>
internal sealed record SimulationReport(
    IReadOnlyList<PolicyTally> Tallies,
    long Accounts,
    FrontierCase? Frontier,
    TimeSpan Elapsed,
    bool StoppedEarly,
    SegmentTallies Segments,
    (DateOnly First, DateOnly Last)? AsOf);
