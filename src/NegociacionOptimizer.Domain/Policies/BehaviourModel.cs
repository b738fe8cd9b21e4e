using System.Collections.Frozen;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// Payment-behaviour model (SPEC §4): monthly hazard of breaking a plan
/// h_m = min(0.95, base_hazard(burden) × multiplier(reason)); per period h = 1 − (1 − h_m)^(12/p).
/// </summary>
/// <param name="Buckets">Piecewise-constant base hazard by burden, ascending, the first from 0 bp.</param>
/// <param name="ReasonMultipliers">Multiplier per reason; a missing reason uses 1.0.</param>
public sealed record BehaviourModel(IReadOnlyList<HazardBucket> Buckets, IReadOnlyDictionary<Reason, double> ReasonMultipliers)
{
    /// <summary>Highest monthly hazard the model allows.</summary>
    public const double MaxMonthlyHazard = 0.95;

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

    /// <summary>The reason's multiplier (1.0 when the model does not list it).</summary>
    public double Multiplier(Reason reason) => ReasonMultipliers.TryGetValue(reason, out var m) ? m : 1.0;
}

/// <summary>One burden bucket of the base hazard table.</summary>
/// <param name="BurdenFromBp">Lower bound of the bucket, bp of disposable income.</param>
/// <param name="MonthlyHazard">Monthly probability of breaking the plan, 0..0.95.</param>
public sealed record HazardBucket(int BurdenFromBp, double MonthlyHazard);
