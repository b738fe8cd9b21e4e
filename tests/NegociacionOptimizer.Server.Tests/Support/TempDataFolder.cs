namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>
/// A data folder of its own for each test server (secrets and the ledger's SQLite file), so no test writes to the
/// user's data folder and no two servers share a ledger.
/// </summary>
public static class TempDataFolder
{
    public static string New() => Path.Combine(Path.GetTempPath(), "negociacion-server-tests", Guid.NewGuid().ToString("N"));
}
