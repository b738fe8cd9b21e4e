using Microsoft.Data.Sqlite;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Storage;

namespace NegociacionOptimizer.Analyst.Ledger;

/// <summary>
/// The plan history the server's ledger recorded (SPEC §8): every accepted plan with installments that completed or
/// broke, as the rows of the plan-history CSV (<see cref="HistoryCsv"/>). Plans still active are left out (their
/// outcome is not known yet), and so are settlements (no installments to break).
/// </summary>
internal static class LedgerHistory
{
    /// <summary>The closed plans of the ledger at <paramref name="connection"/>.</summary>
    /// <exception cref="ArgumentException">The connection is malformed, or names a SQLite file that does not exist.</exception>
    /// <exception cref="LedgerUnavailableException">The database cannot be reached.</exception>
    public static IReadOnlyList<PlanHistoryRecord> Read(string connection)
    {
        var where = LedgerConnection.Parse(connection);
        if (where.Backend == LedgerBackend.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(where.ConnectionString).DataSource))
        {
            throw new ArgumentException($"No ledger at {where.Describe()}: give the server's ledger.db (in its data folder) or its PostgreSQL connection string.");
        }

        using var ledger = new Disposer(SqlLedger.Open(where, TimeProvider.System));
        return [.. ledger.Value.Outcomes().Select(o => new PlanHistoryRecord(
            o.Burden,
            EnumNames.ParseReason(o.Reason),
            EnumNames.ParseFrequency(o.Frequency),
            o.GracePeriods,
            o.Installments,
            o.InstallmentsPaid,
            o.Completed,
            o.BrokeInPeriod))];
    }

    /// <summary>Disposes the ledger synchronously (its writer has nothing queued: the analyst only reads).</summary>
    private sealed class Disposer(SqlLedger value) : IDisposable
    {
        public SqlLedger Value => value;

        public void Dispose() => value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
