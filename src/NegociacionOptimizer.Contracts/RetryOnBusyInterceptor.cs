using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace NegociacionOptimizer.Contracts;

/// <summary>
/// Retries a unary call that a replica could not take: UNAVAILABLE (it stopped, or its connection broke) or
/// RESOURCE_EXHAUSTED (every solve slot busy), after the server's <c>google.rpc.RetryInfo</c> delay when it sent one,
/// else an exponential backoff (100 ms doubling to 5 s). With a balanced channel the retry goes to the next ready
/// replica. The service's calls are pure (the same request gets the same answer), so a retry never does anything twice.
/// Gives up after <paramref name="maxAttempts"/> attempts, or when the next attempt would start past the call's deadline.
/// </summary>
/// <param name="maxAttempts">Attempts in all, the first included.</param>
public sealed class RetryOnBusyInterceptor(int maxAttempts = 8) : Interceptor
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="code"/> means "try another time or another replica".</summary>
    public static bool IsRetriable(StatusCode code) => code is StatusCode.Unavailable or StatusCode.ResourceExhausted;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: the server's RetryInfo, else the backoff.</summary>
    public static TimeSpan Delay(RpcException failure, int attempt)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay is { } hint)
        {
            return hint.ToTimeSpan();
        }

        var backoff = FirstBackoff * Math.Pow(2, Math.Min(attempt - 1, 10));
        return backoff < MaxBackoff ? backoff : MaxBackoff;
    }

    /// <inheritdoc/>
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var current = continuation(request, context);
        async Task<TResponse> Attempts()
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await current.ResponseAsync.ConfigureAwait(false);
                }
                catch (RpcException e) when (attempt < maxAttempts && IsRetriable(e.StatusCode)
                                             && !context.Options.CancellationToken.IsCancellationRequested)
                {
                    var delay = Delay(e, attempt);
                    if (context.Options.Deadline is { } deadline && deadline != DateTime.MaxValue && DateTime.UtcNow + delay >= deadline.ToUniversalTime())
                    {
                        throw;
                    }

                    current.Dispose();
                    await Task.Delay(delay, context.Options.CancellationToken).ConfigureAwait(false);
                    current = continuation(request, context);
                }
            }
        }

        var response = Attempts();
        return new AsyncUnaryCall<TResponse>(
            response,
            HeadersAfter(response, () => current),
            () => current.GetStatus(),
            () => current.GetTrailers(),
            () => current.Dispose());
    }

    private static async Task<Metadata> HeadersAfter<TResponse>(Task<TResponse> response, Func<AsyncUnaryCall<TResponse>> last)
    {
        try
        {
            await response.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The last attempt's headers are read below, whether it answered or failed.
        }

        return await last().ResponseHeadersAsync.ConfigureAwait(false);
    }
}
