using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// One structured log line per call, inside a scope with the request id and a hash of the account id: method, gRPC
/// status, outcome and elapsed time. It logs identifiers and outcomes only — never amounts, income, balances or the
/// inquiry's free text, which are personal data.
/// </summary>
public sealed partial class CallLogInterceptor(ILogger<CallLogInterceptor> logger) : Interceptor
{
    /// <inheritdoc/>
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var (requestId, account) = Identify(request, context);
        using var scope = logger.BeginScope("RequestId:{RequestId} AccountRef:{AccountRef}", requestId, account);
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
            var outcome = Outcome(response);
            LogCall(logger, context.Method, StatusCode.OK, outcome, clock.ElapsedMilliseconds);

            return response;
        }
        catch (RpcException e)
        {
            LogCall(logger, context.Method, e.StatusCode, string.Empty, clock.ElapsedMilliseconds);
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
        using var scope = logger.BeginScope("RequestId:{RequestId}", context.GetHttpContext().TraceIdentifier);
        var clock = Stopwatch.StartNew();
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            LogCall(logger, context.Method, StatusCode.OK, string.Empty, clock.ElapsedMilliseconds);
        }
        catch (RpcException e)
        {
            LogCall(logger, context.Method, e.StatusCode, string.Empty, clock.ElapsedMilliseconds);
            throw;
        }
    }

    /// <summary>A short, stable, non-reversible reference to an account id (first 12 hex digits of its SHA-256).</summary>
    public static string AccountRef(string accountId) => accountId.Length == 0
        ? string.Empty
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accountId)))[..12];

    private static (string RequestId, string AccountRef) Identify(object? request, ServerCallContext context)
    {
        var (requestId, account) = request switch
        {
            GenerateOffersRequest r => (r.RequestId, r.Account?.AccountId),
            EvaluateProposalRequest r => (r.RequestId, r.Account?.AccountId),
            _ => (string.Empty, null),
        };
        // The caller's id is at most 64 characters once validated; cut it here too, the log line comes first.
        var id = requestId.Length > 0 ? requestId[..Math.Min(requestId.Length, 64)] : context.GetHttpContext().TraceIdentifier;
        return (id, AccountRef(account ?? string.Empty));
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
