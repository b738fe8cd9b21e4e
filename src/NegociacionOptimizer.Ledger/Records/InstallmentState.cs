namespace NegociacionOptimizer.Ledger.Records;

/// <summary>Where one payment of a plan stands.</summary>
public enum InstallmentState
{
    /// <summary>Nothing paid yet, not reported missed.</summary>
    Due,

    /// <summary>Part of the amount paid.</summary>
    Partial,

    /// <summary>The whole amount paid (on or after its due date).</summary>
    Paid,

    /// <summary>Reported missed (a later payment still counts, as late).</summary>
    Missed,
}
