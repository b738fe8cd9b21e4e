namespace NegociacionOptimizer.Ledger.Records;

/// <summary>A payment made, or missed, towards one payment of a plan.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Installment">0 = the down payment, 1..n the installments.</param>
/// <param name="Outcome">Paid or missed.</param>
/// <param name="On">The date it was paid (or noted missed).</param>
/// <param name="AmountMinor">Paid amount, minor units (0 when missed).</param>
/// <param name="IdempotencyKey">The caller's key for this call.</param>
/// <param name="Caller">The authenticated caller's configured name.</param>
public sealed record PaymentReport(string PlanId, int Installment, PaymentOutcome Outcome, DateOnly On, long AmountMinor, string IdempotencyKey, string Caller);
