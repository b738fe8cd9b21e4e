namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The first step of stopping, before Kestrel closes its listeners: health turns NOT_SERVING and open health Watch
/// streams end with NOT_SERVING; the server then keeps taking calls for <see cref="ServerOptions.DrainDelay"/>, so a
/// load balancer sees the change and stops sending traffic. Only after it does Kestrel refuse new calls (UNAVAILABLE)
/// and wait for the ones in flight, up to <see cref="ServerOptions.ShutdownTimeout"/> (which the delay is part of).
/// </summary>
/// <param name="serving">The state the health check reads.</param>
/// <param name="lifetime">The host's lifetime (SIGTERM and Ctrl+C raise its ApplicationStopping).</param>
/// <param name="options">The drain delay.</param>
/// <param name="logger">Where the start of the drain is logged.</param>
public sealed partial class ShutdownDrain(
    ServingState serving, IHostApplicationLifetime lifetime, ServerOptions options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // SIGTERM raises ApplicationStopping before the host runs the stop steps: flip at once.
        lifetime.ApplicationStopping.Register(serving.StopServing);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        serving.StopServing();
        // A stop asked in code raises ApplicationStopping only after this step; raised now, health Watch streams end
        // with NOT_SERVING when the drain starts instead of when it ends. Raising it again after SIGTERM does nothing.
        lifetime.StopApplication();
        LogDraining(logger, (long)options.DrainDelay.TotalMilliseconds);
        try
        {
            await Task.Delay(options.DrainDelay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out during the drain: go on stopping.
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stopping: health answers NOT_SERVING; new calls are still taken for {DrainDelayMs} ms, then refused while calls in flight finish")]
    private static partial void LogDraining(ILogger logger, long drainDelayMs);
}
