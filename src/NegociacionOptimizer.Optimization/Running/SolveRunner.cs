using System.Globalization;
using System.Threading.RateLimiting;

namespace NegociacionOptimizer.Optimization.Running;

/// <summary>
/// The one way a solve runs, for every caller (GenerateOffers, each StreamOffers item, EvaluateProposal, the analyst's
/// portfolio runs): admission (at most <see cref="Concurrency"/> solves at once and <see cref="QueueLength"/> waiting,
/// a <see cref="ConcurrencyLimiter"/>; a call beyond both is refused at once), the time limit (the policy's, shortened
/// by the caller's deadline), cancellation, a watchdog that takes a slot back from a search overrunning its limit by
/// <see cref="OverrunGrace"/>, and an answer on time: a search that has not answered
/// <see cref="DeadlineMargin"/>/2 before the deadline is stopped and the call refused. Counters for metrics.
/// </summary>
public sealed class SolveRunner : IDisposable
{
    /// <summary>Time kept between the search's end and the caller's deadline, for mapping and sending the answer.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The shortest search worth starting: a call whose deadline leaves less than this after the margin is refused
    /// without a search (so a call needs a deadline of at least 150 ms).
    /// </summary>
    public static readonly TimeSpan MinimumSearch = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a search may overrun its time limit before its slot is given back anyway.</summary>
    public static readonly TimeSpan OverrunGrace = TimeSpan.FromSeconds(2);

    /// <summary>Retry hint for a refusal at capacity.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrencyLimiter _slots;
    private readonly TimeProvider _time;
    private long _rejected;
    private long _completed;
    private long _abandoned;

    /// <summary>A runner with <paramref name="concurrency"/> slots and room for <paramref name="queueLength"/> waiting calls.</summary>
    public SolveRunner(int concurrency, int queueLength, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLength);
        Concurrency = concurrency;
        QueueLength = queueLength;
        _time = time;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrency,
            QueueLimit = queueLength,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Solves that may run at once.</summary>
    public int Concurrency { get; }

    /// <summary>Calls that may wait for a slot.</summary>
    public int QueueLength { get; }

    /// <summary>Calls solving now.</summary>
    public int Running => Concurrency - (int)(_slots.GetStatistics()?.CurrentAvailablePermits ?? Concurrency);

    /// <summary>Calls waiting for a slot now.</summary>
    public int Waiting => (int)(_slots.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>Calls solving or waiting now.</summary>
    public int Admitted => Running + Waiting;

    /// <summary>Calls refused at capacity so far.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Calls that held a slot and released it.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Searches whose slot was given back before they stopped (they overran their limit by the grace period).</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>
    /// Runs <paramref name="solve"/> (given its time limit and a token that stops it) on a thread of its own once a slot is
    /// free. The slot is held until the search returns, even after the caller gave up, so the slots bound the CPU in use.
    /// </summary>
    /// <param name="solve">The search: it must stop when its token fires and answer by its time limit.</param>
    /// <param name="limit">The policy's time limit.</param>
    /// <param name="deadlineUtc">The caller's deadline (UTC), <see cref="DateTime.MaxValue"/> for none.</param>
    /// <param name="cancellationToken">The caller going away.</param>
    /// <exception cref="SolveRefusedException">At capacity, no time left for a search, or no answer in time.</exception>
    public async Task<SolveRun<T>> RunAsync<T>(
        Func<TimeSpan, CancellationToken, T> solve, TimeSpan limit, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(solve);
        var slot = await AdmitAsync(deadlineUtc, cancellationToken).ConfigureAwait(false);
        (TimeSpan Limit, bool ByDeadline) window;
        try
        {
            window = Window(limit, deadlineUtc);
        }
        catch
        {
            Release(slot, abandoned: false);
            throw;
        }

        // The time limit runs on the runner's clock, like the watchdog and the deadline below.
        var atLimit = new CancellationTokenSource(window.Limit, _time);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, atLimit.Token);
        var released = 0;
        void ReleaseOnce(bool abandoned)
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Release(slot, abandoned);
            }
        }

        // The watchdog's wait ends with the search: waiting out the whole limit kept every finished search, its
        // negotiation and its answer alive for seconds (at 40 answers a second, hundreds of them: most of the heap). It
        // starts before the search, which may end (and dispose its token source) before the next line runs.
        var watchdog = new CancellationTokenSource();
        var waiting = Task.Delay(window.Limit + OverrunGrace, _time, watchdog.Token);

        // A search holds its thread for up to seconds: a dedicated thread keeps it off the thread pool, whose threads
        // answer the other calls and run the watchdog (pool starvation had delayed answers by a second).
        var search = Task.Factory.StartNew(
            () => solve(window.Limit, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _ = search.ContinueWith(
            _ =>
            {
                ReleaseOnce(false);
                watchdog.Cancel();
                watchdog.Dispose();
                stop.Dispose();
                atLimit.Dispose();
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _ = waiting.ContinueWith(
            waited =>
            {
                if (!waited.IsCanceled)
                {
                    ReleaseOnce(!search.IsCompleted);
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        try
        {
            return new SolveRun<T>(await AnswerAsync(search, stop, deadlineUtc, cancellationToken).ConfigureAwait(false), window.Limit, window.ByDeadline);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SolveRefusedException(SolveRefusal.StoppedWithoutAnswer, "The search ran out of time before it found an answer.");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _slots.Dispose();

    private async Task<RateLimitLease> AdmitAsync(DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var latestStart = deadlineUtc == DateTime.MaxValue ? DateTime.MaxValue : deadlineUtc - DeadlineMargin - MinimumSearch;
        var wait = latestStart == DateTime.MaxValue ? Timeout.InfiniteTimeSpan : latestStart - _time.GetUtcNow().UtcDateTime;
        if (wait != Timeout.InfiniteTimeSpan && wait < TimeSpan.Zero)
        {
            throw NoTimeToSearch();
        }

        // A free slot is taken at once, even by a call with exactly the shortest search left.
        var free = _slots.AttemptAcquire(1);
        if (free.IsAcquired)
        {
            return free;
        }

        free.Dispose();
        using var tooLate = wait == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(wait, _time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, tooLate.Token);
        RateLimitLease lease;
        try
        {
            lease = await _slots.AcquireAsync(1, waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (tooLate.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SolveRefusedException(SolveRefusal.NoTimeToSearch, "The call's deadline passed while waiting for a free solver.");
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            Interlocked.Increment(ref _rejected);
            throw new SolveRefusedException(SolveRefusal.AtCapacity, string.Create(CultureInfo.InvariantCulture,
                $"The server is at capacity ({Concurrency} solves running, {QueueLength} waiting); retry in {RetryAfter.TotalMilliseconds:0} ms."));
        }

        return lease;
    }

    /// <summary>
    /// The search's time limit: the smaller of the policy's and the caller's remaining time less the margin, and whether
    /// the deadline set it; refused when that leaves less than <see cref="MinimumSearch"/>.
    /// </summary>
    private (TimeSpan Limit, bool ByDeadline) Window(TimeSpan limit, DateTime deadlineUtc)
    {
        if (deadlineUtc == DateTime.MaxValue)
        {
            return (limit, false);
        }

        var remaining = deadlineUtc - _time.GetUtcNow().UtcDateTime - DeadlineMargin;
        if (remaining < MinimumSearch)
        {
            throw NoTimeToSearch();
        }

        return remaining < limit ? (remaining, true) : (limit, false);
    }

    private async Task<T> AnswerAsync<T>(Task<T> search, CancellationTokenSource stop, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        if (deadlineUtc == DateTime.MaxValue)
        {
            return await search.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var answerBy = deadlineUtc - _time.GetUtcNow().UtcDateTime - (DeadlineMargin / 2);
        try
        {
            return await search.WaitAsync(answerBy > TimeSpan.Zero ? answerBy : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            CancelQuietly(stop);
            throw new SolveRefusedException(SolveRefusal.NotAnsweredInTime, "The search did not finish within the call's deadline.");
        }
    }

    private void Release(RateLimitLease slot, bool abandoned)
    {
        slot.Dispose();
        Interlocked.Increment(ref _completed);
        if (abandoned)
        {
            Interlocked.Increment(ref _abandoned);
        }
    }

    private static SolveRefusedException NoTimeToSearch() => new(SolveRefusal.NoTimeToSearch, string.Create(CultureInfo.InvariantCulture,
        $"The call's deadline leaves no time to search for offers; allow at least {(DeadlineMargin + MinimumSearch).TotalMilliseconds:0} ms."));

    private static void CancelQuietly(CancellationTokenSource stop)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The search returned (and the source was disposed) between the timeout and here: nothing to stop.
        }
    }
}
