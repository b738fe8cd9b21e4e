using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>
/// Seeded generator of plan histories from a known behaviour model, to test the fit and to try the tools without
/// real data. Burdens spread evenly over the model's buckets, reasons and frequencies mixed, n 1..36, g 0..2; each
/// period the plan breaks with the model's per-period hazard (the grace hazard h_g in grace periods), and a broken
/// plan records the period it broke in.
/// </summary>
public static class SyntheticHistory
{
    /// <summary>Reason mix of plans (dispute and fraud claims get no plans).</summary>
    private static readonly (Reason Reason, double Weight)[] ReasonMix =
    [
        (Reason.JobLoss, 0.20), (Reason.IncomeReduction, 0.25), (Reason.Illness, 0.10),
        (Reason.OverIndebtedness, 0.15), (Reason.Forgot, 0.15), (Reason.Other, 0.15),
    ];

    /// <summary>Frequency mix: mostly monthly.</summary>
    private static readonly (Frequency Frequency, double Weight)[] FrequencyMix =
        [(Frequency.Monthly, 0.6), (Frequency.Biweekly, 0.25), (Frequency.Weekly, 0.15)];

    /// <summary>Width of the open-ended last bucket the burdens are drawn from, bp.</summary>
    private const int LastBucketWidthBp = 2_000;

    /// <summary>Generates <paramref name="count"/> plans; the same seed gives the same history.</summary>
    public static IReadOnlyList<PlanHistoryRecord> Generate(BehaviourModel model, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
#pragma warning disable CA5394 // synthetic data, not security: a seeded generator is the point
        var random = new Random(seed);
        var records = new List<PlanHistoryRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var bucket = random.Next(model.Buckets.Count);
            var from = model.Buckets[bucket].BurdenFromBp;
            var to = bucket + 1 < model.Buckets.Count ? model.Buckets[bucket + 1].BurdenFromBp : from + LastBucketWidthBp;
            var burden = (from + random.NextDouble() * (to - from)) / 10_000;
            var reason = Pick(random, ReasonMix);
            var frequency = Pick(random, FrequencyMix);
            var installments = random.Next(1, 37);
            var grace = random.Next(0, 3);
            var hazard = model.PeriodHazard(bucket, reason, frequency.PeriodsPerYear());
            var graceHazard = model.GracePeriodHazard(bucket, reason, frequency.PeriodsPerYear());
            var failedIn = 0; // period in which the plan broke, 0 = never
            for (var t = 1; t <= grace + installments && failedIn == 0; t++)
            {
                failedIn = random.NextDouble() < (t <= grace ? graceHazard : hazard) ? t : 0;
            }

            records.Add(failedIn == 0
                ? new PlanHistoryRecord(burden, reason, frequency, grace, installments, installments, true)
                : new PlanHistoryRecord(burden, reason, frequency, grace, installments, Math.Max(0, failedIn - grace - 1), false, failedIn));
        }
#pragma warning restore CA5394

        return records;
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] mix)
    {
#pragma warning disable CA5394
        var u = random.NextDouble() * mix.Sum(m => m.Weight);
#pragma warning restore CA5394
        foreach (var (value, weight) in mix)
        {
            u -= weight;
            if (u < 0)
            {
                return value;
            }
        }

        return mix[^1].Value;
    }
}
