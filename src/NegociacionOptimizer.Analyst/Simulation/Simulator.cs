using System.Diagnostics;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// Runs a portfolio through a runner and consumes the results in portfolio order (a small reorder buffer absorbs the
/// runner's out-of-order finishes): each result goes to the CSV and the tallies and is then dropped, so memory stays
/// bounded whatever the portfolio's size.
/// </summary>
internal static class Simulator
{
    /// <param name="runner">Where items are solved.</param>
    /// <param name="accounts">The portfolio, enumerated lazily.</param>
    /// <param name="policies">The policies (1 or 2).</param>
    /// <param name="csv">Where rows go; null for none.</param>
    /// <param name="frontierAccount">The frontier chart's account id; null = the first account with an offer.</param>
    /// <param name="progress">Called after each fully processed account.</param>
    /// <param name="stop">Set to end the run early: no new account starts, those in flight finish.</param>
    /// <param name="cancellationToken">Cancels the run outright.</param>
    public static async Task<SimulationReport> RunAsync(
        IAccountRunner runner,
        IEnumerable<Analytics.Portfolio.PortfolioAccount> accounts,
        IReadOnlyList<SimulationPolicy> policies,
        ResultsCsv? csv,
        string? frontierAccount,
        Action<long> progress,
        CancellationToken stop,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tallies = policies.Select(p => new PolicyTally(p.Label)).ToList();
        var segments = new SegmentTallies([.. policies.Select(p => p.Label)]);
        (DateOnly First, DateOnly Last)? asOf = null;
        var pending = new Dictionary<long, AccountResult>();
        var current = new List<AccountResult>(policies.Count);
        long next = 0;
        long done = 0;
        FrontierCase? frontier = null;
        var stoppedEarly = false;
        var source = accounts.TakeWhile(_ => !(stoppedEarly |= stop.IsCancellationRequested));
        await foreach (var result in runner.RunAsync(WorkItem.For(source, policies.Count), cancellationToken).ConfigureAwait(false))
        {
            pending.Add(result.Item.Sequence, result);
            while (pending.Remove(next, out var inOrder))
            {
                next++;
                if (!inOrder.Replayed)
                {
                    csv?.Write(inOrder);
                }

                tallies[inOrder.Item.PolicyIndex].Add(inOrder);
                segments.Add(inOrder);
                var date = inOrder.Item.Input.Account.AsOf;
                asOf = asOf is { } range ? (Min(range.First, date), Max(range.Last, date)) : (date, date);
                current.Add(inOrder);
                if (current.Count < policies.Count)
                {
                    continue;
                }

                if (frontier is null && IsFrontier(current, frontierAccount))
                {
                    frontier = new FrontierCase([.. current]);
                }

                current.Clear();
                progress(++done);
            }
        }

        return new SimulationReport(tallies, done, frontier, clock.Elapsed, stoppedEarly, segments, asOf);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static bool IsFrontier(List<AccountResult> results, string? accountId) =>
        !results[0].Replayed && (accountId is null
            ? results.Exists(r => r.Best is not null)
            : string.Equals(results[0].Item.Input.AccountId, accountId, StringComparison.Ordinal));
}
