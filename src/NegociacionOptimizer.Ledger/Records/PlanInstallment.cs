namespace NegociacionOptimizer.Ledger.Records;

/// <summary>One payment of an accepted plan and what has been paid of it.</summary>
/// <param name="Number">0 = the down payment, 1..n the installments.</param>
/// <param name="DueDate">When it falls due.</param>
/// <param name="AmountMinor">What is due, minor units.</param>
/// <param name="PaidMinor">What has been paid of it, minor units.</param>
/// <param name="LastPaidOn">Date of the last payment towards it, if any.</param>
/// <param name="State">Due, partial, paid or missed.</param>
public sealed record PlanInstallment(int Number, DateOnly DueDate, long AmountMinor, long PaidMinor, DateOnly? LastPaidOn, InstallmentState State)
{
    /// <summary>Days after the due date that the last payment came (0 when on time or unpaid).</summary>
    public int DaysLate => LastPaidOn is { } paid && paid > DueDate ? paid.DayNumber - DueDate.DayNumber : 0;
}
