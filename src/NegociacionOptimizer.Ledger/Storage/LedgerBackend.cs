namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>The database a ledger lives in.</summary>
public enum LedgerBackend
{
    /// <summary>An embedded SQLite file (the default: a file in the server's data folder).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (a connection string was configured).</summary>
    Postgres,
}
