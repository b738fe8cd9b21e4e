using Microsoft.Data.Sqlite;
using Npgsql;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>Where a ledger lives: a backend and its ADO.NET connection string.</summary>
/// <param name="Backend">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The provider's connection string (may hold a password: never log it).</param>
public sealed record LedgerConnection(LedgerBackend Backend, string ConnectionString)
{
    /// <summary>File name of the embedded default ledger in the data folder.</summary>
    public const string DefaultFileName = "ledger.db";

    /// <summary>The embedded default: <c>ledger.db</c> in <paramref name="dataFolder"/>.</summary>
    public static LedgerConnection InDataFolder(string dataFolder) => SqliteFile(Path.Combine(dataFolder, DefaultFileName));

    /// <summary>A SQLite file (created, with its folder, on first open).</summary>
    public static LedgerConnection SqliteFile(string path) =>
        new(LedgerBackend.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ToString());

    /// <summary>
    /// Reads a configured connection: a PostgreSQL connection string (it names a <c>Host=</c>), a SQLite connection
    /// string (<c>Data Source=…</c>), or a path to a SQLite file.
    /// </summary>
    /// <exception cref="ArgumentException">The text is empty or not a connection string either provider reads.</exception>
    public static LedgerConnection Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The ledger connection is empty: give a PostgreSQL connection string (Host=…) or a SQLite file.");
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return SqliteFile(text);
        }

        try
        {
            var postgres = new NpgsqlConnectionStringBuilder(text);
            if (!string.IsNullOrEmpty(postgres.Host))
            {
                return new LedgerConnection(LedgerBackend.Postgres, postgres.ConnectionString);
            }
        }
        catch (ArgumentException)
        {
            // Not Npgsql's keywords: SQLite's are tried next.
        }

        try
        {
            var sqlite = new SqliteConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(sqlite.DataSource))
            {
                throw new ArgumentException("The ledger connection names neither a PostgreSQL Host nor a SQLite Data Source.");
            }

            return new LedgerConnection(LedgerBackend.Sqlite, sqlite.ToString());
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException("The ledger connection names neither a PostgreSQL Host nor a SQLite Data Source.", e);
        }
    }

    /// <summary>What a log line may say about the connection: the backend and where, never a password.</summary>
    public string Describe()
    {
        if (Backend == LedgerBackend.Postgres)
        {
            var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
        }

        return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
    }
}
