namespace NegociacionOptimizer.Ledger.Records;

/// <summary>A plan reported broken: no more payments are expected under it.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="On">The date it broke.</param>
/// <param name="IdempotencyKey">The caller's key for this call.</param>
/// <param name="Caller">The authenticated caller's configured name.</param>
public sealed record BreakReport(string PlanId, DateOnly On, string IdempotencyKey, string Caller);
