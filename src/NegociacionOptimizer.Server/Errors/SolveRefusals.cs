using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NegociacionOptimizer.Optimization.Running;

namespace NegociacionOptimizer.Server.Errors;

/// <summary>Runs a solve through the <see cref="SolveRunner"/> and turns its refusals into gRPC statuses.</summary>
public static class SolveRefusals
{
    /// <summary>
    /// <see cref="SolveRunner.RunAsync"/>, with RESOURCE_EXHAUSTED (and a RetryInfo) at capacity and DEADLINE_EXCEEDED
    /// when the deadline leaves no time or the search does not answer in time.
    /// </summary>
    public static Task<SolveRun<T>> RunForCallAsync<T>(
        this SolveRunner runner, Func<TimeSpan, CancellationToken, T> solve, TimeSpan limit, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var run = runner.RunAsync(solve, limit, deadlineUtc, cancellationToken);
        // Refused at admission, the run has failed already: its status goes back without another throw (Refused).
        return run.IsFaulted && run.Exception is { InnerExceptions: [SolveRefusedException refusal] }
            ? Task.FromException<SolveRun<T>>(ToRpcException(refusal))
            : MapRefusalAsync(run);
    }

    private static async Task<SolveRun<T>> MapRefusalAsync<T>(Task<SolveRun<T>> run)
    {
        try
        {
            return await run.ConfigureAwait(false);
        }
        catch (SolveRefusedException e)
        {
            throw ToRpcException(e);
        }
    }

    private static RpcException ToRpcException(SolveRefusedException e)
    {
        if (e.Refusal != SolveRefusal.AtCapacity)
        {
            return new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, e.Message));
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = e.Message,
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(SolveRunner.RetryAfter) }) },
        };
        return status.ToRpcException();
    }
}
