namespace NegociacionOptimizer.Api.Presentation;

/// <summary>
/// The google.rpc.PreconditionFailure violation types of PlanService refusals (plan_service.proto); an offer's own
/// refusals are OFFER_ plus its VerifyOffer reason (OFFER_UNSIGNED, OFFER_UNKNOWN_KEY, OFFER_ALTERED, OFFER_EXPIRED).
/// </summary>
public static class PlanRefusals
{
    /// <summary>The offer was accepted already.</summary>
    public const string OfferAlreadyAccepted = "OFFER_ALREADY_ACCEPTED";

    /// <summary>Another offer of its set was accepted, the account has an active plan, or newer offers were made.</summary>
    public const string OfferSuperseded = "OFFER_SUPERSEDED";

    /// <summary>The ledger holds no such offer (NOT_FOUND).</summary>
    public const string OfferNotRecorded = "OFFER_NOT_RECORDED";

    /// <summary>The idempotency key served another call.</summary>
    public const string KeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>No plan with this id (NOT_FOUND).</summary>
    public const string PlanNotFound = "PLAN_NOT_FOUND";

    /// <summary>The plan is completed or broken.</summary>
    public const string PlanClosed = "PLAN_CLOSED";

    /// <summary>That payment was made in full already.</summary>
    public const string PaymentAlreadyMade = "PAYMENT_ALREADY_MADE";
}
