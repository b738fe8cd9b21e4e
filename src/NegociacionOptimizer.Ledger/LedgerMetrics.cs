using System.Diagnostics.Metrics;
using NegociacionOptimizer.Ledger.Storage;

namespace NegociacionOptimizer.Ledger;

/// <summary>
/// The ledger's instruments (meter <see cref="MeterName"/>; a host exports them by that name): how long each group
/// commit took and how many writes it carried. Tags are the backend and whether the batch committed: never a value
/// written.
/// </summary>
public static class LedgerMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "NegociacionOptimizer.Ledger";

    // A library's own meter, as Npgsql and System.Net.Http have: the ledger opens before any container exists.
    private static readonly Meter Meter = new(MeterName, typeof(LedgerMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("negociacion.ledger.commit.duration", "s",
        "Wall time of each group commit (open, every write of the batch, commit and its disk sync), by backend and whether it committed.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static readonly Histogram<int> BatchWrites = Meter.CreateHistogram<int>("negociacion.ledger.batch.writes", "{write}",
        "Writes (calls' records) carried by each group commit, by backend.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000] });

    /// <summary>Records one batch of <paramref name="writes"/> that took <paramref name="elapsed"/>.</summary>
    internal static void Batch(LedgerBackend backend, int writes, TimeSpan elapsed, bool committed)
    {
        var backendTag = new KeyValuePair<string, object?>("backend", backend == LedgerBackend.Postgres ? "postgres" : "sqlite");
        CommitDuration.Record(elapsed.TotalSeconds, backendTag, new KeyValuePair<string, object?>("committed", committed));
        BatchWrites.Record(writes, backendTag);
    }
}
