using Grpc.Core;

namespace NegociacionOptimizer.Server.Errors;

/// <summary>
/// A call refused before any work (at capacity, no time left to search) comes back as a task that has already failed:
/// each layer passes it on as it is instead of awaiting it, because every await of a failed task throws again, and
/// throwing through the seven layers of a call was half of a refusal's CPU (docs/PERFORMANCE.md, "Server overhead per
/// request").
/// </summary>
internal static class Refused
{
    /// <summary>
    /// Starts the rest of the call; what it throws before its first await comes back as a failed task, as it would from
    /// an async method.
    /// </summary>
    public static Task<TResponse> Call<TRequest, TResponse>(UnaryServerMethod<TRequest, TResponse> continuation, TRequest request, ServerCallContext context)
        where TRequest : class
        where TResponse : class
    {
        try
        {
            return continuation(request, context);
        }
#pragma warning disable CA1031 // Not handled here: the failed task carries it to the layer that handles it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<TResponse>(e);
        }
    }

    /// <summary>The gRPC status of <paramref name="task"/> when it has already failed with one.</summary>
    public static RpcException? Status(Task task) =>
        task.IsFaulted && task.Exception is { InnerExceptions: [RpcException refusal] } ? refusal : null;
}
