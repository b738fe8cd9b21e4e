using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>Opens connections to the ledger's database with the settings durability needs.</summary>
internal sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqlite = string.Empty;

    public Database(LedgerConnection connection)
    {
        Connection = connection;
        if (connection.Backend == LedgerBackend.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(connection.ConnectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(connection.ConnectionString) { Pooling = true };
            CreatePrivately(Path.GetFullPath(builder.DataSource));
            _sqlite = builder.ToString();
        }
    }

    public LedgerConnection Connection { get; }

    /// <summary>
    /// An open connection. SQLite: every commit is synced to disk (synchronous=FULL) and a writer waits up to 30 s for
    /// another process's lock; PostgreSQL commits are durable by default (synchronous_commit=on).
    /// </summary>
    public DbConnection Open()
    {
        if (_postgres is not null)
        {
            return _postgres.OpenConnection();
        }

        var connection = new SqliteConnection(_sqlite);
        connection.Open();
        Sql.Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    /// <summary>
    /// Creates a missing ledger file (and its folder) readable by the server's user only, as its secrets are: it holds
    /// account references and amounts. SQLite gives its write-ahead log the same permissions. An empty file is an empty
    /// database.
    /// </summary>
    private static void CreatePrivately(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(path, []);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    public ValueTask DisposeAsync()
    {
        if (_sqlite.Length > 0)
        {
            SqliteConnection.ClearAllPools();
        }

        return _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
