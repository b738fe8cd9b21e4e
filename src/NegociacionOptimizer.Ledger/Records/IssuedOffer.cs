namespace NegociacionOptimizer.Ledger.Records;

/// <summary>One offer as issued: its id, terms, signature and expiry.</summary>
/// <param name="OfferId">The deterministic offer id.</param>
/// <param name="Kind">OFFER_KIND_SETTLEMENT, OFFER_KIND_PLAN or OFFER_KIND_DEFERRED_PLAN.</param>
/// <param name="Frequency">FREQUENCY_MONTHLY, FREQUENCY_BIWEEKLY or FREQUENCY_WEEKLY.</param>
/// <param name="Installments">n (0 for a settlement).</param>
/// <param name="GracePeriods">g.</param>
/// <param name="DownPaymentMinor">D, due on the request's as_of.</param>
/// <param name="DiscountMinor">Q, all components.</param>
/// <param name="InstallmentMinor">A.</param>
/// <param name="TotalToPayMinor">D + Σ A_k.</param>
/// <param name="Burden">Monthly equivalent over disposable income (the behaviour fit's covariate).</param>
/// <param name="ExpiresOn">Last day it can be accepted.</param>
/// <param name="Signature">The server's signature.</param>
/// <param name="SignatureKeyId">The signing key's id.</param>
/// <param name="Schedule">Installments 1..n.</param>
/// <param name="Terms">The signed offer as issued (protobuf JSON, presentation texts left out).</param>
public sealed record IssuedOffer(
    string OfferId,
    string Kind,
    string Frequency,
    int Installments,
    int GracePeriods,
    long DownPaymentMinor,
    long DiscountMinor,
    long InstallmentMinor,
    long TotalToPayMinor,
    double Burden,
    DateOnly ExpiresOn,
    string Signature,
    string SignatureKeyId,
    IReadOnlyList<DueInstallment> Schedule,
    string Terms);
