namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>Solves work items and yields their results as they finish (in any order).</summary>
internal interface IAccountRunner
{
    /// <summary>Where the items are solved, for the report ("en proceso, 2 hilos", "2 servidores").</summary>
    string Description { get; }

    /// <summary>
    /// Solves <paramref name="items"/>, pulling them lazily (so the caller's enumeration can stop early) and keeping
    /// only a bounded number in flight.
    /// </summary>
    IAsyncEnumerable<AccountResult> RunAsync(IEnumerable<WorkItem> items, CancellationToken cancellationToken);
}
