using Npgsql;
using NegociacionOptimizer.Ledger.Storage;

namespace NegociacionOptimizer.Ledger.Tests.Support;

/// <summary>
/// The backends every ledger test runs on: SQLite always; PostgreSQL when <see cref="PostgresVariable"/> holds a
/// connection string (CI starts a server and sets it; with CI=true and no variable the PostgreSQL cases run and fail).
/// Each test gets an empty database: a new SQLite file, or a new PostgreSQL schema.
/// </summary>
public static class TestDatabases
{
    /// <summary>Connection string of a PostgreSQL server the tests may create schemas in.</summary>
    public const string PostgresVariable = "NEGOCIACION_TEST_POSTGRES";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>The backends to run on here (xunit theory data).</summary>
    public static TheoryData<string> Backends
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } || IsCi)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An empty database on <paramref name="backend"/>.</summary>
    public static LedgerConnection Fresh(string backend)
    {
        if (backend == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "negociacion-ledger-tests", Guid.NewGuid().ToString("N"));
            return LedgerConnection.SqliteFile(Path.Combine(folder, LedgerConnection.DefaultFileName));
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.False(string.IsNullOrEmpty(server),
            $"CI=true but {PostgresVariable} is not set: .ci/run starts PostgreSQL and sets it; the PostgreSQL ledger tests cannot run.");
        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE SCHEMA {schema}";
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        return LedgerConnection.Parse(builder.ConnectionString);
    }
}
