namespace NegociacionOptimizer.Ledger.Records;

/// <summary>An offer accepted (its signature already verified by the server).</summary>
/// <param name="OfferId">The offer's id.</param>
/// <param name="Signature">Its signature: with the id it names exactly one issued offer.</param>
/// <param name="IdempotencyKey">The caller's key for this call.</param>
/// <param name="Caller">The authenticated caller's configured name.</param>
public sealed record Acceptance(string OfferId, string Signature, string IdempotencyKey, string Caller);
