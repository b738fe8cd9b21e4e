using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Domain.Behaviour;

/// <summary>One past plan of payments and how it ended: the unit of the behaviour-model fit (SPEC §4).</summary>
/// <param name="Burden">Monthly equivalent installment over disposable income, as a fraction (0.25 = 25 %), ≥ 0.</param>
/// <param name="Reason">Why the account had fallen behind.</param>
/// <param name="Frequency">How often the plan's installments fell due.</param>
/// <param name="GracePeriods">Periods before the first installment (g), ≥ 0.</param>
/// <param name="Installments">Installments the plan had (n), ≥ 1.</param>
/// <param name="InstallmentsPaid">Installments paid before the plan broke (k &lt; n), or n when it was completed.</param>
/// <param name="Completed">True when every installment was paid.</param>
public sealed record PlanHistoryRecord(
    double Burden,
    Reason Reason,
    Frequency Frequency,
    int GracePeriods,
    int Installments,
    int InstallmentsPaid,
    bool Completed)
{
    /// <summary>Periods the plan survived: g + k when it broke (it failed in period g + k + 1), g + n when completed.</summary>
    public int PeriodsSurvived => GracePeriods + (Completed ? Installments : InstallmentsPaid);

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
        _ when !Enum.IsDefined(Reason) => $"unknown reason {(int)Reason}",
        _ when !Enum.IsDefined(Frequency) => $"unknown frequency {(int)Frequency}",
        _ => null,
    };
}
