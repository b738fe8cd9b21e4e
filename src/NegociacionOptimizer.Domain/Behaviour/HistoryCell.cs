using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Domain.Behaviour;

/// <summary>
/// Sufficient statistics of the plans that share a bucket, reason and frequency: their log-likelihood depends only on
/// the periods survived in total and the number that broke, so 20,000 plans fold into at most a few hundred cells.
/// </summary>
internal sealed record HistoryCell(int Bucket, Reason Reason, int PeriodsPerYear)
{
    public long PeriodsSurvived { get; set; }

    public int Events { get; set; }

    public int Records { get; set; }

    /// <summary>12/p: per-period hazard h = 1 − (1 − h_m)^(12/p).</summary>
    public double MonthsPerPeriod => 12.0 / PeriodsPerYear;

    public double ExposureMonths => PeriodsSurvived * MonthsPerPeriod;

    /// <summary>Folds records into cells by (bucket, reason, frequency), in a deterministic order.</summary>
    public static List<HistoryCell> Aggregate(IEnumerable<PlanHistoryRecord> records, IReadOnlyList<int> bucketFromBp)
    {
        var cells = new Dictionary<(int, Reason, int), HistoryCell>();
        foreach (var r in records)
        {
            var key = (BucketOf(r.Burden, bucketFromBp), r.Reason, r.Frequency.PeriodsPerYear());
            if (!cells.TryGetValue(key, out var cell))
            {
                cell = new HistoryCell(key.Item1, key.Item2, key.Item3);
                cells.Add(key, cell);
            }

            cell.PeriodsSurvived += r.PeriodsSurvived;
            cell.Events += r.Completed ? 0 : 1;
            cell.Records++;
        }

        return [.. cells.Values.OrderBy(c => c.Bucket).ThenBy(c => c.Reason).ThenBy(c => c.PeriodsPerYear)];
    }

    /// <summary>The bucket of a burden fraction: the last whose lower bound (bp) it reaches.</summary>
    public static int BucketOf(double burden, IReadOnlyList<int> bucketFromBp)
    {
        var index = 0;
        for (var b = 1; b < bucketFromBp.Count; b++)
        {
            // A tolerance so that a burden written as 0.3 lands in the bucket from 3000 bp despite binary rounding.
            if (burden * 10_000 >= bucketFromBp[b] - 1e-9)
            {
                index = b;
            }
        }

        return index;
    }
}
