using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// Everything about a plan that depends on its structure (f, n, g) alone: the periodic rate, the annuity factor, the
/// due dates and the discount factors of both sides. The optimizer's linear pieces are built from these constants.
/// </summary>
public sealed class StructureProfile
{
    private readonly double[][] _survival;
    private readonly int _calendarPeriods;
    private readonly double _growth;

    internal StructureProfile(NegotiationContext context, PlanStructure structure)
    {
        Structure = structure;
        PeriodsPerYear = structure.Frequency.PeriodsPerYear();
        NominalRateBp = context.Policy.NominalRateBp(structure.Frequency, structure.Installments);
        PeriodRate = new BasisPoints(NominalRateBp).Fraction / PeriodsPerYear;
        var n = structure.Installments;
        AnnuityFactor = n == 0 ? 0 : PeriodRate == 0 ? 1.0 / n : PeriodRate / (1 - Math.Pow(1 + PeriodRate, -n));
        _growth = Math.Pow(1 + PeriodRate, n);
        Days = new int[n];
        DueDates = new DateOnly[n];
        CompanyDiscount = new double[n];
        PersonDiscount = new double[n];
        var dates = n == 0 ? null : context.DueDatesFor(structure.Frequency, structure.GracePeriods + n);
        _calendarPeriods = dates?.Count ?? 0;
        WithinCalendar = dates is null || dates.Count >= structure.GracePeriods + n;
        var c = new BasisPoints(context.Policy.CostOfCapitalBp).Fraction;
        var delta = new BasisPoints(context.Policy.DebtorDiscountRateBp).Fraction;
        for (var k = 0; WithinCalendar && k < n; k++)
        {
            var period = structure.GracePeriods + k + 1;
            Days[k] = dates!.Days(period);
            DueDates[k] = dates.Date(period);
            CompanyDiscount[k] = Math.Pow(1 + c, -Days[k] / 365.0);
            PersonDiscount[k] = Math.Pow(1 + delta, -Days[k] / 365.0);
        }

        var behaviour = context.Policy.Behaviour;
        _survival = new double[behaviour.Buckets.Count][];
        for (var b = 0; b < _survival.Length; b++)
        {
            _survival[b] = behaviour.Survival(b, context.Inquiry.Reason, PeriodsPerYear, structure.GracePeriods, n);
        }
    }

    /// <summary>(f, n, g).</summary>
    public PlanStructure Structure { get; }

    /// <summary>
    /// False when the last installment would fall past the calendars' range: such a plan is infeasible (SPEC §3), and
    /// its dates, days and discount factors are left empty.
    /// </summary>
    public bool WithinCalendar { get; }

    /// <summary>p.</summary>
    public int PeriodsPerYear { get; }

    /// <summary>TNA, bp.</summary>
    public int NominalRateBp { get; }

    /// <summary>i = TNA / p.</summary>
    public double PeriodRate { get; }

    /// <summary>2^50: the largest (1+i)^n · B that stays computable.</summary>
    public const double MaxGrowth = 1L << 50;

    /// <summary>
    /// Why no plan of this structure can be computed for a balance of <paramref name="balanceMinor"/>, or null (SPEC §3:
    /// such a plan is infeasible, never an error): its last installment falls past the calendars' range
    /// (<see cref="RuleCode.CalendarRange"/>: periods needed, periods available), or (1+i)^n · B exceeds
    /// <see cref="MaxGrowth"/>, past which a French schedule's balance outgrows what 64-bit exact arithmetic and the
    /// optimizer's linear model hold to the minor unit (<see cref="RuleCode.AmountRange"/>: the balance, the largest
    /// this rate and term allow). The one place both the evaluator and the optimizer's plan space ask.
    /// </summary>
    public Violation? RangeViolation(long balanceMinor)
    {
        if (!WithinCalendar)
        {
            return new(RuleCode.CalendarRange, Structure.GracePeriods + Structure.Installments, _calendarPeriods, FigureUnit.Periods);
        }

        var largest = MaxGrowth / _growth;
        return balanceMinor > largest ? new(RuleCode.AmountRange, balanceMinor, (long)largest, FigureUnit.Minor) : null;
    }

    /// <summary>a = i / (1 − (1+i)^−n) (1/n when i = 0): the unrounded installment per unit financed.</summary>
    public double AnnuityFactor { get; }

    /// <summary>t_k, days from as-of, k = 1..n at index k−1.</summary>
    public int[] Days { get; }

    /// <summary>Due dates, k = 1..n at index k−1.</summary>
    public DateOnly[] DueDates { get; }

    /// <summary>v(t_k) = (1+c)^(−t_k/365), index k−1.</summary>
    public double[] CompanyDiscount { get; }

    /// <summary>(1+δ)^(−t_k/365), index k−1.</summary>
    public double[] PersonDiscount { get; }

    /// <summary>S_k = (1 − h_g)^g · (1 − h)^k for burden bucket <paramref name="bucket"/>, k = 0..n (S_0 = 1).</summary>
    public double[] Survival(int bucket) => _survival[bucket];
}
