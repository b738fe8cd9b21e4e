using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Ledger;

/// <summary>
/// Prunes the offer sets nobody accepted once they are older than <see cref="ServerOptions.LedgerRetentionDays"/>: at start,
/// then once a day (on the server's clock).
/// </summary>
/// <param name="ledger">The ledger.</param>
/// <param name="options">The retention period.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Where each pruning is reported (counts only).</param>
public sealed partial class LedgerRetention(SqlLedger ledger, ServerOptions options, TimeProvider time, ILogger<LedgerRetention> logger)
    : BackgroundService
{
    /// <summary>Time between two prunings.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = await ledger.PruneAsync(time.GetUtcNow() - TimeSpan.FromDays(options.LedgerRetentionDays), stoppingToken).ConfigureAwait(false);
                if (pruned > 0)
                {
                    var kept = ledger.Counts().Sets;
                    LogPruned(logger, pruned, options.LedgerRetentionDays, kept);
                }
            }
            catch (LedgerUnavailableException e)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger retention: {Count} offer set(s) older than {Days} days and never accepted were deleted; {Kept} kept")]
    private static partial void LogPruned(ILogger logger, int count, int days, long kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger retention could not prune old offer sets; it tries again in a day")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
