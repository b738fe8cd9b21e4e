using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Whether the server wants new calls: yes from start, no for good once the host begins stopping. It is the server's
/// health check, so gRPC health answers NOT_SERVING (Unhealthy) while the calls in flight drain.
/// </summary>
public sealed class ServingState : IHealthCheck
{
    /// <summary>Name of the health check, reported for the whole server ("") and for the offer service.</summary>
    public const string CheckName = "offers";

    private volatile bool _stopping;

    /// <summary>False once the host has begun stopping.</summary>
    public bool IsServing => !_stopping;

    /// <summary>Marks the server as stopping; health answers NOT_SERVING from now on.</summary>
    public void StopServing() => _stopping = true;

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsServing
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The server is stopping; calls in flight are finishing."));
}
