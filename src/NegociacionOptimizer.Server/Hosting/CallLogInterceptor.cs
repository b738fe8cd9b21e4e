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
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var (requestId, account) = Identify(request, context);
        using var scope = logger.BeginScope(
            "RequestId:{RequestId} AccountRef:{AccountRef} Caller:{Caller}", requestId, account, CallerName(context));
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
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
