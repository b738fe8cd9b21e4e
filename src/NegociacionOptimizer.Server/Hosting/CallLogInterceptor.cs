using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// One structured log line per answered call, inside a scope with the request id (control characters escaped), the
/// keyed account reference and the caller's configured name: method, gRPC status, outcome and elapsed time. It logs
/// identifiers and outcomes only — never amounts, income, balances or the inquiry's free text, which are personal data.
/// Refusals (bad input, overload, beyond the role) get no line each: <see cref="RefusalLog"/> counts them.
/// </summary>
/// <param name="logger">The call log.</param>
/// <param name="accounts">Keyed account references.</param>
/// <param name="refusals">Counts refused calls.</param>
/// <param name="metrics">Counts calls by method and status.</param>
public sealed partial class CallLogInterceptor(ILogger<CallLogInterceptor> logger, AccountRefs accounts, RefusalLog refusals, ServerMetrics metrics) : Interceptor
{
    /// <inheritdoc/>
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var (requestId, account) = Identify(request, context);
        var clock = Stopwatch.StartNew();
        Task<TResponse> call;
        using (Scope(requestId, account, context))
        {
            call = Errors.Refused.Call(continuation, request, context);
            // A refusal goes back as it came, without a throw (Errors.Refused).
            if (Errors.Refused.Status(call) is { } refusal)
            {
                Ended(context.Method, refusal.StatusCode, clock);
                return call;
            }
        }

        return LogAsync(call, requestId, account, context, clock);
    }

    private async Task<TResponse> LogAsync<TResponse>(Task<TResponse> call, string requestId, string account, ServerCallContext context, Stopwatch clock)
    {
        using var scope = Scope(requestId, account, context);
        try
        {
            var response = await call.ConfigureAwait(false);
            var outcome = Outcome(response);
            LogCall(logger, context.Method, StatusCode.OK, outcome, clock.ElapsedMilliseconds);
            metrics.Call(context.Method, StatusCode.OK);

            return response;
        }
        catch (RpcException e)
        {
            Ended(context.Method, e.StatusCode, clock);
            throw;
        }
    }

    /// <inheritdoc/>
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = logger.BeginScope(
            "RequestId:{RequestId} Caller:{Caller}", context.GetHttpContext().TraceIdentifier, CallerName(context));
        var clock = Stopwatch.StartNew();
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            LogCall(logger, context.Method, StatusCode.OK, string.Empty, clock.ElapsedMilliseconds);
            metrics.Call(context.Method, StatusCode.OK);
        }
        catch (RpcException e)
        {
            Ended(context.Method, e.StatusCode, clock);
            throw;
        }
    }

    private void Ended(string method, StatusCode status, Stopwatch clock)
    {
        metrics.Call(method, status);
        if (RefusalLog.IsRefusal(status))
        {
            refusals.Count(status);
        }
        else
        {
            LogCall(logger, method, status, string.Empty, clock.ElapsedMilliseconds);
        }
    }

    private IDisposable? Scope(string requestId, string account, ServerCallContext context) =>
        logger.BeginScope("RequestId:{RequestId} AccountRef:{AccountRef} Caller:{Caller}", requestId, account, CallerName(context));

    private static string CallerName(ServerCallContext context) => context.GetHttpContext().User.Identity?.Name ?? string.Empty;

    private (string RequestId, string AccountRef) Identify(object? request, ServerCallContext context)
    {
        var (requestId, account) = request switch
        {
            GenerateOffersRequest r => (r.RequestId, r.Account?.AccountId),
            EvaluateProposalRequest r => (r.RequestId, r.Account?.AccountId),
            _ => (string.Empty, null),
        };
        // The caller's id is checked by validation, which runs after this scope opens: escape and cut it here.
        var id = requestId.Length > 0 ? LogText.Escape(requestId) : context.GetHttpContext().TraceIdentifier;
        return (id, accounts.Of(account ?? string.Empty));
    }

    private static string Outcome(object? response) => response switch
    {
        GenerateOffersResponse r => $"{r.Outcome} offers={r.Offers.Count} proven={r.Solve?.OptimalProven}",
        EvaluateProposalResponse r => r.Verdict.ToString(),
        _ => string.Empty,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} answered {Status} {Outcome} in {ElapsedMs} ms")]
    private static partial void LogCall(ILogger logger, string method, StatusCode status, string outcome, long elapsedMs);
}
