using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Bounds the solves running at once and the calls waiting for one. A call beyond both is refused at once with
/// RESOURCE_EXHAUSTED (and a retry hint) instead of adding latency and memory; a queued call whose deadline would leave
/// no time to search gives up with DEADLINE_EXCEEDED. Applied to GenerateOffers, EvaluateProposal and every
/// StreamOffers item.
/// </summary>
public sealed class SolveGate : IDisposable
{
    /// <summary>Retry hint sent with RESOURCE_EXHAUSTED.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _slots;
    private int _admitted;
    private long _rejected;
    private long _completed;
    private long _abandoned;

    /// <summary>A gate with <paramref name="concurrency"/> slots and room for <paramref name="queueLength"/> waiting calls.</summary>
    public SolveGate(int concurrency, int queueLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLength);
        Concurrency = concurrency;
        QueueLength = queueLength;
        _slots = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>Solves that may run at once.</summary>
    public int Concurrency { get; }

    /// <summary>Calls that may wait for a slot.</summary>
    public int QueueLength { get; }

    /// <summary>Calls solving or waiting now.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Calls solving now.</summary>
    public int Running => Concurrency - _slots.CurrentCount;

    /// <summary>Calls refused with RESOURCE_EXHAUSTED so far.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Calls that held a slot and released it.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Searches whose slot was given back before they stopped (they overran their limit by the grace period).</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>How long a search may overrun its time limit before its slot is given back anyway.</summary>
    public static readonly TimeSpan OverrunGrace = TimeSpan.FromSeconds(2);

    /// <summary>Counts a search whose slot was given back before it stopped.</summary>
    public void CountAbandoned() => Interlocked.Increment(ref _abandoned);

    /// <summary>
    /// Waits for a slot until <paramref name="latestStart"/> (UTC; <see cref="DateTime.MaxValue"/> = no limit). Dispose the
    /// lease to free the slot.
    /// </summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when every slot and queue place is taken; DEADLINE_EXCEEDED when
    /// no slot frees up before <paramref name="latestStart"/>.</exception>
    public async Task<IDisposable> EnterAsync(DateTime latestStart, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > Concurrency + QueueLength)
        {
            Interlocked.Decrement(ref _admitted);
            Interlocked.Increment(ref _rejected);
            throw Exhausted();
        }

        try
        {
            var wait = latestStart == DateTime.MaxValue
                ? Timeout.InfiniteTimeSpan
                : latestStart - time.GetUtcNow().UtcDateTime;
            if (wait != Timeout.InfiniteTimeSpan && wait <= TimeSpan.Zero)
            {
                throw TooLate();
            }

            if (!await _slots.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
            {
                throw TooLate();
            }
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }

        return new Lease(this);
    }

    /// <inheritdoc/>
    public void Dispose() => _slots.Dispose();

    private void Release()
    {
        _slots.Release();
        Interlocked.Increment(ref _completed);
        Interlocked.Decrement(ref _admitted);
    }

    private RpcException Exhausted()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"The server is at capacity ({Concurrency} solves running, {QueueLength} waiting); retry in {RetryAfter.TotalMilliseconds:0} ms.",
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryAfter) }) },
        };
        return status.ToRpcException();
    }

    private static RpcException TooLate() =>
        new(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "The call's deadline passed while waiting for a free solver."));

    private sealed class Lease(SolveGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
