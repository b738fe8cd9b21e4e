namespace NegociacionOptimizer.Ledger.Records;

/// <summary>Why the ledger did not record a lifecycle call (nothing was written).</summary>
public enum LedgerRefusal
{
    /// <summary>Recorded (or the same call, retried with its key, answered again).</summary>
    None,

    /// <summary>No offer with this id and signature was recorded (never issued here, or pruned).</summary>
    OfferNotRecorded,

    /// <summary>No plan with this id.</summary>
    PlanNotFound,

    /// <summary>The offer was accepted already (under another key).</summary>
    AlreadyAccepted,

    /// <summary>
    /// Newer offers were issued to the account since, another offer of its set was accepted, or the account has an
    /// active plan.
    /// </summary>
    Superseded,

    /// <summary>The idempotency key was used for a different call.</summary>
    KeyReused,

    /// <summary>The plan is completed or broken: it takes no more reports.</summary>
    PlanClosed,

    /// <summary>The plan has no payment with this number.</summary>
    NoSuchInstallment,

    /// <summary>That payment was made in full already.</summary>
    AlreadyPaid,
}
