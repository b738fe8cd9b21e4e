using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Ledger;

/// <summary>
/// Opens the ledger at start (creating the SQLite file in the data folder, or migrating the PostgreSQL schema) and
/// registers it with what records into it. A ledger that cannot be opened stops the start.
/// </summary>
public static partial class LedgerSetup
{
    /// <summary>
    /// Opens the ledger <paramref name="options"/> name (<see cref="ServerOptions.LedgerConnection"/>, else
    /// <c>ledger.db</c> in the data folder) and registers it, the recorder, the archive and the retention.
    /// </summary>
    /// <exception cref="StartupRefusedException">The ledger cannot be opened.</exception>
    public static SqlLedger AddLedger(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SqlLedger ledger;
        try
        {
            var connection = options.LedgerConnection is { Length: > 0 } text
                ? LedgerConnection.Parse(text)
                : LedgerConnection.InDataFolder(options.DataFolder);
            ledger = SqlLedger.Open(connection, TimeProvider.System, options.LedgerMaxBatch);
        }
        catch (Exception e) when (e is LedgerUnavailableException or ArgumentException)
        {
            throw new StartupRefusedException($"Ledger: {e.Message}");
        }

        // A factory registration, so the container disposes the ledger (its writer drains) when the server stops.
        services.AddSingleton(_ => ledger);
        services.AddSingleton<OfferRecorder>();
        services.AddSingleton<IPolicyArchive, LedgerPolicyArchive>();
        services.AddHostedService<LedgerRetention>();
        return ledger;
    }

    /// <summary>Logs which ledger the server uses and the migrations it applied now.</summary>
    public static void LogOpened(ILogger logger, SqlLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var where = ledger.Connection.Describe();
        LogLedger(logger, where, ledger.SchemaVersion, ledger.AppliedMigrations.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger: {Where}, schema version {Version} ({Applied} migration(s) applied now)")]
    private static partial void LogLedger(ILogger logger, string where, int version, int applied);
}
