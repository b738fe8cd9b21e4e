using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>One past plan of payments and how it ended: the unit of the behaviour-model fit (SPEC §4).</summary>
/// <param name="Burden">Monthly equivalent installment over disposable income, as a fraction (0.25 = 25 %), ≥ 0.</param>
/// <param name="Reason">Why the account had fallen behind.</param>
/// <param name="Frequency">How often the plan's installments fell due.</param>
/// <param name="GracePeriods">Periods before the first installment (g), ≥ 0.</param>
/// <param name="Installments">Installments the plan had (n), ≥ 1.</param>
/// <param name="InstallmentsPaid">Installments paid before the plan broke (k &lt; n), or n when it was completed.</param>
/// <param name="Completed">True when every installment was paid.</param>
/// <param name="BrokeInPeriod">
/// The period, 1..g + n counting the grace periods, in which a broken plan broke; null when completed or not recorded.
/// Only a plan that broke before its first installment after grace periods needs it (1..g + 1): otherwise it is g + k + 1.
/// </param>
public sealed record PlanHistoryRecord(
    double Burden,
    Reason Reason,
    Frequency Frequency,
    int GracePeriods,
    int Installments,
    int InstallmentsPaid,
    bool Completed,
    int? BrokeInPeriod = null)
{
    /// <summary>
    /// The period in which the plan broke (1-based, grace periods included), or null when it was completed or broke
    /// before its first installment at a period the history does not record.
    /// </summary>
    public int? BreakPeriod => Completed ? null
        : InstallmentsPaid > 0 || GracePeriods == 0 ? GracePeriods + InstallmentsPaid + 1
        : BrokeInPeriod;

    /// <summary>True when the plan broke during its grace periods (null when that is not recorded).</summary>
    public bool? BrokeInGrace => Completed ? false : BreakPeriod is { } period ? period <= GracePeriods : null;

    /// <summary>Grace periods the plan survived: all g unless it broke in one (null when that is not recorded).</summary>
    public int? GracePeriodsSurvived => BrokeInGrace switch
    {
        true => BreakPeriod!.Value - 1,
        false => GracePeriods,
        null => null,
    };

    /// <summary>Installment periods the plan survived: the installments paid (n when completed).</summary>
    public int InstallmentPeriodsSurvived => Completed ? Installments : InstallmentsPaid;

    /// <summary>
    /// Periods the plan survived: j − 1 when it broke in period j, g + n when completed; null when it broke before its
    /// first installment at a period the history does not record.
    /// </summary>
    public int? PeriodsSurvived => Completed ? GracePeriods + Installments : BreakPeriod - 1;

    /// <summary>Why the record cannot be used, or null when it is consistent.</summary>
    public string? Problem() => this switch
    {
        { Burden: var b } when !double.IsFinite(b) || b < 0 => $"burden must be a finite fraction ≥ 0, got {Burden}",
        { GracePeriods: < 0 } => $"grace periods must be ≥ 0, got {GracePeriods}",
        { Installments: < 1 } => $"installments must be ≥ 1, got {Installments}",
        { Completed: true } when InstallmentsPaid != Installments =>
            $"a completed plan paid all {Installments} installments, got {InstallmentsPaid}",
        { Completed: false } when InstallmentsPaid < 0 || InstallmentsPaid >= Installments =>
            $"a plan that broke paid 0..{Installments - 1} installments, got {InstallmentsPaid}",
        { Completed: true, BrokeInPeriod: { } } => $"a completed plan has no break period, got {BrokeInPeriod}",
        { BrokeInPeriod: { } period } when InstallmentsPaid == 0 && (period < 1 || period > GracePeriods + 1) =>
            $"a plan that broke before its first installment broke in period 1..{GracePeriods + 1}, got {period}",
        { BrokeInPeriod: { } period } when InstallmentsPaid > 0 && period != GracePeriods + InstallmentsPaid + 1 =>
            $"a plan that paid {InstallmentsPaid} installments after {GracePeriods} grace periods broke in period {GracePeriods + InstallmentsPaid + 1}, got {period}",
        _ when !Enum.IsDefined(Reason) => $"unknown reason {(int)Reason}",
        _ when !Enum.IsDefined(Frequency) => $"unknown frequency {(int)Frequency}",
        _ => null,
    };
}
