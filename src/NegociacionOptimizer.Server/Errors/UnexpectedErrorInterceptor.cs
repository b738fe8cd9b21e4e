using Grpc.Core;
using Grpc.Core.Interceptors;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Errors;

/// <summary>
/// Turns an unexpected exception into INTERNAL with a generic message (never a stack trace on the wire) and one log
/// line with the request id. RpcExceptions (bad input, NOT_FOUND, deadlines) pass through unchanged.
/// </summary>
public sealed partial class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    /// <inheritdoc/>
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Internal(e, context.Method, RequestId(request));
        }
    }

    /// <inheritdoc/>
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException and not OperationCanceledException)
        {
            throw Internal(e, context.Method, string.Empty);
        }
    }

    private RpcException Internal(Exception e, string method, string requestId)
    {
        LogUnexpected(logger, e, method, requestId);
        return new RpcException(new Status(StatusCode.Internal, "An unexpected error occurred; it has been logged."));
    }

    private static string RequestId(object? request) => request switch
    {
        GenerateOffersRequest r => r.RequestId,
        EvaluateProposalRequest r => r.RequestId,
        _ => string.Empty,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} (request id '{RequestId}')")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string requestId);
}
