using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Errors;

/// <summary>
/// Turns an unexpected exception into INTERNAL with a generic message (never a stack trace on the wire) and one log
/// line with the request id. RpcExceptions (bad input, NOT_FOUND, deadlines) pass through unchanged; a call stopped by its
/// own cancellation or deadline ends as CANCELLED or DEADLINE_EXCEEDED, never INTERNAL.
/// </summary>
public sealed partial class UnexpectedErrorInterceptor(ILogger<UnexpectedErrorInterceptor> logger) : Interceptor
{
    /// <inheritdoc/>
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var call = Refused.Call(continuation, request, context);
        // A refusal goes back as it came, without a throw (Refused).
        return Refused.Status(call) is null ? GuardAsync(call, request, context) : call;
    }

    private async Task<TResponse> GuardAsync<TRequest, TResponse>(Task<TResponse> call, TRequest request, ServerCallContext context)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw Stopped(context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Internal(e, context.Method, Hosting.LogText.Escape(RequestId(request)));
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
        catch (Exception e) when (e is InvalidProtocolBufferException || e.InnerException is InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                "A stream item is not a valid negociacion.v1.StreamOffersRequest protobuf message; the stream ends here."));
        }
        catch (Exception e) when (e is not RpcException && context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away (a failed read or write follows) or its deadline passed: an ordinary end, not a fault.
            throw Stopped(context);
        }
        catch (Exception e) when (e is not RpcException and not OperationCanceledException)
        {
            throw Internal(e, context.Method, string.Empty);
        }
    }

    private static RpcException Stopped(ServerCallContext context) => DateTime.UtcNow >= context.Deadline
        ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed during the search."))
        : new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));

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
