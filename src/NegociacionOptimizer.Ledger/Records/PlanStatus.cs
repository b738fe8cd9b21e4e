namespace NegociacionOptimizer.Ledger.Records;

/// <summary>Where an accepted plan stands.</summary>
public enum PlanStatus
{
    /// <summary>Accepted, payments still due.</summary>
    Active,

    /// <summary>Every payment made.</summary>
    Completed,

    /// <summary>Reported broken: no more payments expected under it.</summary>
    Broken,
}
