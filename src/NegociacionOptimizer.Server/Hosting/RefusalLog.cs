using Grpc.Core;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Counts refused calls (bad input, overload, missing credentials, beyond the role) by status and logs each kind at
/// most once a second, with how many were refused since its last line, so a storm of refusals cannot flood the log.
/// </summary>
public sealed partial class RefusalLog(ILogger<RefusalLog> logger, SecurityClock clock, ServerMetrics metrics)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<StatusCode, Tally> _tallies = [];

    /// <summary>Whether calls ending with <paramref name="code"/> are refusals counted here.</summary>
    public static bool IsRefusal(StatusCode code) => code is StatusCode.InvalidArgument or StatusCode.ResourceExhausted
        or StatusCode.Unauthenticated or StatusCode.PermissionDenied;

    /// <summary>Counts one refusal; logs the kind's count when its last line is a second old or more.</summary>
    public void Count(StatusCode code)
    {
        metrics.Refusal(code);
        var now = clock.Time.GetUtcNow();
        long pending;
        lock (_gate)
        {
            if (!_tallies.TryGetValue(code, out var tally))
            {
                tally = new Tally { LoggedAt = DateTimeOffset.MinValue };
                _tallies[code] = tally;
            }

            tally.Total++;
            tally.Pending++;
            if (now - tally.LoggedAt < Interval)
            {
                return;
            }

            pending = tally.Pending;
            tally.Pending = 0;
            tally.LoggedAt = now;
        }

        LogRefused(logger, pending, code);
    }

    /// <summary>Refusals counted with <paramref name="code"/> since the start.</summary>
    public long Total(StatusCode code)
    {
        lock (_gate)
        {
            return _tallies.TryGetValue(code, out var tally) ? tally.Total : 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Count} call(s) with {Status} (at most one such line a second)")]
    private static partial void LogRefused(ILogger logger, long count, StatusCode status);

    private sealed class Tally
    {
        public long Total { get; set; }

        public long Pending { get; set; }

        public DateTimeOffset LoggedAt { get; set; }
    }
}
