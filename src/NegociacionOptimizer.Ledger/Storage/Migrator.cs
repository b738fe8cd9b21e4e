using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>
/// Versioned migrations: the embedded scripts <c>Migrations/NNNN_name.sql</c>, applied in order at start, each in its own
/// transaction with its row in <c>ledger_migrations</c>, so a start interrupted half-way applies the rest next time.
/// Two servers starting at once on PostgreSQL take turns (an advisory lock); SQLite's write lock does the same.
/// </summary>
internal static class Migrator
{
    private const long PostgresLockKey = 0x4E45_474F_4C44_4752;

    /// <summary>Every migration, in version order: (version, name, script).</summary>
    public static IReadOnlyList<(int Version, string Name, string Script)> All { get; } = Load();

    /// <summary>The schema version this build expects.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    /// <exception cref="LedgerUnavailableException">The database is newer than this build (it would misread it).</exception>
    public static IReadOnlyList<int> Apply(DbConnection connection, LedgerBackend backend)
    {
        if (backend == LedgerBackend.Sqlite)
        {
            // Write-ahead log: readers (the analyst's export) never block the server's writes. Kept in the file.
            Sql.Execute(connection, null, "PRAGMA journal_mode = WAL;");
        }

        Sql.Execute(connection, null,
            "CREATE TABLE IF NOT EXISTS ledger_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = new List<int>();
        foreach (var (version, name, script) in All)
        {
            using var transaction = connection.BeginTransaction();
            if (backend == LedgerBackend.Postgres)
            {
                Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", PostgresLockKey));
            }

            if (Sql.Count(connection, transaction, "SELECT COUNT(*) FROM ledger_migrations WHERE version = @v", ("v", version)) > 0)
            {
                transaction.Commit();
                continue;
            }

            Sql.Execute(connection, transaction, script);
            Sql.Execute(connection, transaction, "INSERT INTO ledger_migrations (version, name, applied_at) VALUES (@v, @n, @at)",
                ("v", version), ("n", name), ("at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            transaction.Commit();
            applied.Add(version);
        }

        var newest = Sql.Count(connection, null, "SELECT COALESCE(MAX(version), 0) FROM ledger_migrations");
        if (newest > Latest)
        {
            throw new LedgerUnavailableException(
                $"The ledger's schema is at version {newest}, newer than this build's {Latest}: run a newer server.");
        }

        return applied;
    }

    /// <summary>The schema version a database is at.</summary>
    public static int Current(DbConnection connection) =>
        (int)Sql.Count(connection, null, "SELECT COALESCE(MAX(version), 0) FROM ledger_migrations");

    private static List<(int, string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = resource["Migrations.".Length..^".sql".Length];
            var version = int.Parse(file[..4], NumberStyles.None, CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add((version, file[5..], reader.ReadToEnd()));
        }

        return migrations;
    }
}
