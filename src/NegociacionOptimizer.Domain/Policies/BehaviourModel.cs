using System.Collections.Frozen;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// Payment-behaviour model (SPEC §4): monthly hazard of breaking a plan
/// h_m = min(0.95, base_hazard(burden) × multiplier(reason)); per period h = 1 − (1 − h_m)^(12/p); during grace periods
/// h_g = 1 − (1 − min(0.95, m_g·h_m))^(12/p), so installment k is paid with probability S_k = (1 − h_g)^g · (1 − h)^k.
/// </summary>
/// <param name="Buckets">Piecewise-constant base hazard by burden, ascending, the first from 0 bp.</param>
/// <param name="ReasonMultipliers">Multiplier per reason; a missing reason uses 1.0.</param>
public sealed record BehaviourModel(IReadOnlyList<HazardBucket> Buckets, IReadOnlyDictionary<Reason, double> ReasonMultipliers)
{
    /// <summary>Highest monthly hazard the model allows: the largest a policy's bucket may set, and the cap on any product.</summary>
    public static readonly double MaxMonthlyHazard = FieldLimits.MonthlyHazard.Max;

    /// <summary>m_g: multiplier of the monthly hazard during grace periods (range and default: <see cref="FieldLimits.GraceHazardMultiplier"/>).</summary>
    public double GraceHazardMultiplier { get; init; } = FieldLimits.GraceHazardMultiplier.DefaultValue;

    /// <summary>SPEC §4's defaults.</summary>
    public static BehaviourModel Default { get; } = new(
        [
            new(0, 0.005), new(1000, 0.01), new(2000, 0.02), new(3000, 0.035), new(4000, 0.06), new(5000, 0.10),
        ],
        new Dictionary<Reason, double>
        {
            [Reason.Forgot] = 0.6,
            [Reason.IncomeReduction] = 1.1,
            [Reason.Illness] = 1.3,
            [Reason.JobLoss] = 1.5,
            [Reason.OverIndebtedness] = 1.4,
            [Reason.Other] = 1.0,
        }.ToFrozenDictionary());

    /// <summary>
    /// Index of the burden bucket of an installment <paramref name="installmentMinor"/> paid p times a year by a person
    /// with disposable income <paramref name="disposableIncome"/> a month. Exact: burden = A·p/(12·I) is compared
    /// with the bucket bounds in integers, so a burden equal to a bound falls in the upper bucket.
    /// </summary>
    public int BucketIndex(long installmentMinor, int periodsPerYear, DisposableIncome disposableIncome)
    {
        var yearly = (Int128)installmentMinor * periodsPerYear;
        var index = 0;
        for (var b = 1; b < Buckets.Count; b++)
        {
            if (disposableIncome.Reaches(yearly, Buckets[b].BurdenFromBp))
            {
                index = b;
            }
        }

        return index;
    }

    /// <summary>h_m for bucket <paramref name="bucket"/> and <paramref name="reason"/>, capped at 0.95.</summary>
    public double MonthlyHazard(int bucket, Reason reason) =>
        Math.Min(MaxMonthlyHazard, Buckets[bucket].MonthlyHazard * Multiplier(reason));

    /// <summary>Per-period hazard h = 1 − (1 − h_m)^(12/p).</summary>
    public double PeriodHazard(int bucket, Reason reason, int periodsPerYear) =>
        1 - Math.Pow(1 - MonthlyHazard(bucket, reason), 12.0 / periodsPerYear);

    /// <summary>Monthly hazard during a grace period, min(0.95, m_g·h_m).</summary>
    public double GraceMonthlyHazard(int bucket, Reason reason) =>
        Math.Min(MaxMonthlyHazard, GraceHazardMultiplier * MonthlyHazard(bucket, reason));

    /// <summary>Per-period hazard during a grace period h_g = 1 − (1 − min(0.95, m_g·h_m))^(12/p).</summary>
    public double GracePeriodHazard(int bucket, Reason reason, int periodsPerYear) =>
        1 - Math.Pow(1 - GraceMonthlyHazard(bucket, reason), 12.0 / periodsPerYear);

    /// <summary>
    /// S_k = (1 − h_g)^g · (1 − h)^k for k = 0..<paramref name="installments"/> (S_0 = 1): the probability that
    /// installment k is paid after <paramref name="gracePeriods"/> grace periods.
    /// </summary>
    public double[] Survival(int bucket, Reason reason, int periodsPerYear, int gracePeriods, int installments)
    {
        var h = PeriodHazard(bucket, reason, periodsPerYear);
        var hg = GracePeriodHazard(bucket, reason, periodsPerYear);
        var graceSurvival = Math.Pow(1 - hg, gracePeriods);
        var s = new double[installments + 1];
        s[0] = 1;
        for (var k = 1; k <= installments; k++)
        {
            // One power when grace carries the plan's hazard (m_g = 1): the same bits as (1 − h)^(g+k) always gave.
            s[k] = hg == h ? Math.Pow(1 - h, gracePeriods + k) : graceSurvival * Math.Pow(1 - h, k);
        }

        return s;
    }

    /// <summary>The reason's multiplier (1.0 when the model does not list it).</summary>
    public double Multiplier(Reason reason) => ReasonMultipliers.TryGetValue(reason, out var m) ? m : 1.0;
}
