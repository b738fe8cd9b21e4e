namespace NegociacionOptimizer.Ledger.Records;

/// <summary>
/// A closed plan with installments as the behaviour fit reads it (the columns of the analyst's plan-history CSV).
/// </summary>
/// <param name="Burden">Monthly equivalent over disposable income.</param>
/// <param name="Reason">REASON_….</param>
/// <param name="Frequency">FREQUENCY_….</param>
/// <param name="GracePeriods">g.</param>
/// <param name="Installments">n ≥ 1.</param>
/// <param name="InstallmentsPaid">Installments paid in full (n when completed).</param>
/// <param name="Completed">True when every payment was made.</param>
/// <param name="BrokeInPeriod">1 for a plan without grace periods that broke before its first installment; else null (derived, or not known).</param>
public sealed record PlanOutcome(
    double Burden, string Reason, string Frequency, int GracePeriods, int Installments, int InstallmentsPaid, bool Completed, int? BrokeInPeriod);
