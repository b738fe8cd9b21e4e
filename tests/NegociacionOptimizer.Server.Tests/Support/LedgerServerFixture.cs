using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Ledger.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>One <see cref="LedgerServer"/> on a fresh SQLite ledger per test class.</summary>
public sealed class LedgerServerFixture : IAsyncLifetime
{
    public LedgerConnection Ledger { get; } = TestDatabases.Fresh(TestDatabases.Sqlite);

    public LedgerServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LedgerServer.StartAsync(Ledger);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
