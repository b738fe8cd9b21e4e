using NegociacionOptimizer.Ledger.Records;

namespace NegociacionOptimizer.Ledger.Tests.Support;

/// <summary>Offer sets as the server would record them: a settlement and two plans for one account.</summary>
public static class SampleOffers
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static IssuedOffer Plan(string id, int installments = 3, int grace = 0, long down = 10_000, long installment = 50_000) => new(
        id, grace > 0 ? "OFFER_KIND_DEFERRED_PLAN" : "OFFER_KIND_PLAN", "FREQUENCY_MONTHLY", installments, grace, down, 0, installment,
        down + (installments * installment), 0.25, AsOf.AddDays(7), "sig-" + id, "k1",
        [.. Enumerable.Range(1, installments).Select(k => new DueInstallment(k, AsOf.AddMonths(grace + k), installment))], "{\"offerId\":\"" + id + "\"}");

    public static IssuedOffer Settlement(string id) => new(
        id, "OFFER_KIND_SETTLEMENT", "FREQUENCY_MONTHLY", 0, 0, 120_000, 30_000, 0, 120_000, 0, AsOf.AddDays(7), "sig-" + id, "k1", [], "{}");

    public static IssuedOfferSet Set(string account, params IssuedOffer[] offers) => new(
        "generate", "fp-" + string.Join('-', offers.Select(o => o.OfferId)), account, "default", 1, "champion", false, "REASON_JOB_LOSS", AsOf,
        "COP", null, "local-admin", offers);
}
