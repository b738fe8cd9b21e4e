using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>
/// Sufficient statistics of the plans that share a bucket, reason and frequency: their log-likelihood depends only on
/// the installment and grace periods survived in total, the breaks in each, and the breaks before the first installment
/// whose period is not recorded (by number of grace periods), so 20,000 plans fold into at most a few hundred cells.
/// </summary>
internal sealed record HistoryCell(int Bucket, Reason Reason, int PeriodsPerYear)
{
    /// <summary>Installment periods survived in total (S).</summary>
    public long PeriodsSurvived { get; set; }

    /// <summary>Breaks in an installment period (F).</summary>
    public int InstallmentEvents { get; set; }

    /// <summary>Grace periods survived in total (S_g).</summary>
    public long GracePeriodsSurvived { get; set; }

    /// <summary>Breaks in a grace period (F_g).</summary>
    public int GraceEvents { get; set; }

    /// <summary>
    /// Breaks before the first installment at an unrecorded period, by grace periods g: each happened somewhere in
    /// periods 1..g + 1, with probability 1 − (1 − h_g)^g·(1 − h).
    /// </summary>
    public SortedDictionary<int, int> UnknownGraceEvents { get; } = [];

    /// <summary>Plans with at least one grace period.</summary>
    public int GraceRecords { get; set; }

    /// <summary>Every break.</summary>
    public int Events => InstallmentEvents + GraceEvents + UnknownGraceEvents.Values.Sum();

    /// <summary>Breaks during grace periods or before the first installment (the ones m_g shapes).</summary>
    public int GraceInformedEvents => GraceEvents + UnknownGraceEvents.Values.Sum();

    public int Records { get; set; }

    /// <summary>12/p: per-period hazard h = 1 − (1 − h_m)^(12/p).</summary>
    public double MonthsPerPeriod => 12.0 / PeriodsPerYear;

    /// <summary>Months at risk whose outcome is recorded: the installment and grace periods survived, × 12/p.</summary>
    public double ExposureMonths => (PeriodsSurvived + GracePeriodsSurvived) * MonthsPerPeriod;

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

            cell.Records++;
            cell.GraceRecords += r.GracePeriods > 0 ? 1 : 0;
            cell.PeriodsSurvived += r.InstallmentPeriodsSurvived;
            switch (r.BrokeInGrace)
            {
                case null:
                    cell.UnknownGraceEvents[r.GracePeriods] = cell.UnknownGraceEvents.GetValueOrDefault(r.GracePeriods) + 1;
                    break;
                case true:
                    cell.GracePeriodsSurvived += r.GracePeriodsSurvived!.Value;
                    cell.GraceEvents++;
                    break;
                default:
                    cell.GracePeriodsSurvived += r.GracePeriods;
                    cell.InstallmentEvents += r.Completed ? 0 : 1;
                    break;
            }
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
