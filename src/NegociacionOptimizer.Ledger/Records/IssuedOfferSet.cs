namespace NegociacionOptimizer.Ledger.Records;

/// <summary>
/// One answer that issued offers (or judged a proposal): the request's fingerprint, the keyed account reference (never
/// the raw id), the policy version, and the offers. Only references, categories and amounts: no names, no free text.
/// </summary>
/// <param name="Source">"generate", "stream" or "evaluate".</param>
/// <param name="Fingerprint">SHA-256 of the request (its offer ids derive from it).</param>
/// <param name="AccountRef">Keyed hash of the account id ("" when the request named none).</param>
/// <param name="PolicyId">The policy that answered.</param>
/// <param name="PolicyVersion">Its version.</param>
/// <param name="PolicyArm">"champion", "challenger" or "inline".</param>
/// <param name="Tightened">True when the call made the policy stricter.</param>
/// <param name="Reason">The inquiry's reason (REASON_…), the behaviour fit's other covariate.</param>
/// <param name="AsOf">The request's as_of (the down payment's date).</param>
/// <param name="Currency">ISO-4217 code of every amount.</param>
/// <param name="Verdict">A proposal's verdict (VERDICT_…); null for offers generated.</param>
/// <param name="Caller">The authenticated caller's configured name.</param>
/// <param name="Offers">The offers issued, in rank order (empty when none was).</param>
public sealed record IssuedOfferSet(
    string Source,
    string Fingerprint,
    string AccountRef,
    string PolicyId,
    int PolicyVersion,
    string PolicyArm,
    bool Tightened,
    string Reason,
    DateOnly AsOf,
    string Currency,
    string? Verdict,
    string Caller,
    IReadOnlyList<IssuedOffer> Offers);
