using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Ledger.Tests.Support;

namespace NegociacionOptimizer.Ledger.Tests.Schema;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task An_empty_database_is_migrated_to_the_latest_schema_once(string backend)
    {
        var connection = TestDatabases.Fresh(backend);
        await using (var first = SqlLedger.Open(connection, new FakeTimeProvider()))
        {
            Assert.Equal(Migrator.Latest, first.SchemaVersion);
            Assert.Equal(Migrator.All.Select(m => m.Version), first.AppliedMigrations);
        }

        await using var second = SqlLedger.Open(connection, new FakeTimeProvider());
        Assert.Equal(Migrator.Latest, second.SchemaVersion);
        Assert.Empty(second.AppliedMigrations);
    }

    [Fact]
    public void The_migrations_are_numbered_from_one_without_gaps() =>
        Assert.Equal(Enumerable.Range(1, Migrator.All.Count), Migrator.All.Select(m => m.Version));

    [Fact]
    public async Task The_sqlite_file_and_its_folder_are_created_on_first_open_for_the_servers_user_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "negociacion-ledger-tests", Guid.NewGuid().ToString("N"), "data");
        await using var ledger = SqlLedger.Open(LedgerConnection.InDataFolder(folder), new FakeTimeProvider());
        var file = Path.Combine(folder, LedgerConnection.DefaultFileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public void A_database_that_cannot_be_opened_is_unavailable_naming_where_without_a_password()
    {
        var connection = LedgerConnection.Parse("Host=127.0.0.1;Port=1;Database=ledger;Username=u;Password=secret-pw;Timeout=2");
        var e = Assert.Throws<LedgerUnavailableException>(() => SqlLedger.Open(connection, new FakeTimeProvider()));
        Assert.Contains("PostgreSQL 127.0.0.1:1/ledger", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.internal;Database=ledger;Username=app", LedgerBackend.Postgres)]
    [InlineData("Data Source=/var/lib/negociacion/ledger.db", LedgerBackend.Sqlite)]
    [InlineData("/var/lib/negociacion/ledger.db", LedgerBackend.Sqlite)]
    public void A_connection_names_its_backend(string text, LedgerBackend backend) =>
        Assert.Equal(backend, LedgerConnection.Parse(text).Backend);

    [Theory]
    [InlineData("")]
    [InlineData("Username=app;Password=x")]
    public void A_connection_that_names_no_database_is_refused(string text) =>
        Assert.Throws<ArgumentException>(() => LedgerConnection.Parse(text));
}
