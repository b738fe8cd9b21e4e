namespace NegociacionOptimizer.Ledger.Records;

/// <summary>An accepted plan as the ledger holds it.</summary>
/// <param name="PlanId">Derived from the offer id (one plan per offer).</param>
/// <param name="OfferId">The offer accepted.</param>
/// <param name="AccountRef">Keyed account reference.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="Status">Active, completed or broken.</param>
/// <param name="ClosedOn">Date it was completed or broken.</param>
/// <param name="Currency">ISO-4217 code.</param>
/// <param name="Kind">The offer's kind (OFFER_KIND_…).</param>
/// <param name="Frequency">FREQUENCY_….</param>
/// <param name="Installments">n.</param>
/// <param name="GracePeriods">g.</param>
/// <param name="Burden">The offer's burden.</param>
/// <param name="Reason">The inquiry's reason (REASON_…).</param>
/// <param name="PolicyId">The policy the offer was made under.</param>
/// <param name="PolicyVersion">Its version.</param>
/// <param name="TotalToPayMinor">D + Σ A_k.</param>
/// <param name="ExpiresOn">The offer's expiry.</param>
/// <param name="Schedule">The down payment (number 0, when there is one) and installments 1..n.</param>
public sealed record PlanRecord(
    string PlanId,
    string OfferId,
    string AccountRef,
    DateTimeOffset AcceptedAt,
    PlanStatus Status,
    DateOnly? ClosedOn,
    string Currency,
    string Kind,
    string Frequency,
    int Installments,
    int GracePeriods,
    double Burden,
    string Reason,
    string PolicyId,
    int PolicyVersion,
    long TotalToPayMinor,
    DateOnly ExpiresOn,
    IReadOnlyList<PlanInstallment> Schedule)
{
    /// <summary>The first payment not yet paid in full and not reported missed, if the plan is active.</summary>
    public PlanInstallment? NextDue => Status == PlanStatus.Active
        ? Schedule.FirstOrDefault(i => i.State is InstallmentState.Due or InstallmentState.Partial)
        : null;

    /// <summary>Everything paid so far, minor units.</summary>
    public long PaidMinor => Schedule.Sum(i => i.PaidMinor);
}
