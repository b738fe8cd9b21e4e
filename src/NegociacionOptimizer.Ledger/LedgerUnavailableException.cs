namespace NegociacionOptimizer.Ledger;

/// <summary>The ledger could not read or durably write (database down, disk full, schema damaged).</summary>
public sealed class LedgerUnavailableException : Exception
{
    /// <summary>An exception with no detail.</summary>
    public LedgerUnavailableException()
    {
    }

    /// <summary>An exception that says what failed.</summary>
    public LedgerUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>An exception that says what failed and why.</summary>
    public LedgerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
