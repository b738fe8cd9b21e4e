using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Optimization.Running;

namespace NegociacionOptimizer.Optimization.Tests.Running;

public class SolveRunnerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_call_beyond_the_slots_and_the_queue_is_refused_at_once_and_counted()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 1, _clock);
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource();
        var first = runner.RunAsync((_, _) => { started.SetResult(); release.Wait(CancellationToken.None); return 1; }, Limit, DateTime.MaxValue, default);
        await started.Task;
        var queued = runner.RunAsync((_, _) => 2, Limit, DateTime.MaxValue, default);

        var refused = await Assert.ThrowsAsync<SolveRefusedException>(() => runner.RunAsync((_, _) => 3, Limit, DateTime.MaxValue, default));
        Assert.Equal(SolveRefusal.AtCapacity, refused.Refusal);
        Assert.Contains("retry", refused.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1, 1, 1L), (runner.Admitted, runner.Running, runner.Waiting, runner.Rejected));

        release.Set();
        Assert.Equal((1, 2), ((await first).Value, (await queued).Value));
        Assert.True(SpinWait.SpinUntil(() => runner.Completed == 2, TimeSpan.FromSeconds(10)), $"{runner.Completed} completed");
        Assert.Equal(0, runner.Admitted);
    }

    [Fact]
    public async Task A_finished_search_is_not_kept_alive_until_its_time_limit()
    {
        // The clock never moves: a watchdog that waited out the limit would keep the search's closure forever.
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);

        var searched = await SearchAsync(runner);

        Assert.True(SpinWait.SpinUntil(() => runner.Completed == 1, TimeSpan.FromSeconds(10)), $"{runner.Completed} completed");
        Assert.True(SpinWait.SpinUntil(
            () =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                return !searched.IsAlive;
            },
            TimeSpan.FromSeconds(10)), "the finished search's negotiation is still reachable");
    }

    [Fact]
    public async Task Searches_that_end_at_once_all_answer()
    {
        // A search may end, and its continuation dispose the run's token sources, before RunAsync's next line.
        using var runner = new SolveRunner(concurrency: 1, queueLength: 1, _clock);
        var answers = new List<int>();

        for (var i = 0; i < 500; i++)
        {
            answers.Add((await runner.RunAsync((_, _) => i, Limit, DateTime.MaxValue, default)).Value);
            Assert.True(SpinWait.SpinUntil(() => runner.Admitted == 0, TimeSpan.FromSeconds(10)), "the slot was not given back");
        }

        Assert.Equal(Enumerable.Range(0, 500), answers);
    }

    /// <summary>Runs one search over a payload it captures; the payload's weak reference, the answer dropped.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> SearchAsync(SolveRunner runner)
    {
        var payload = new byte[1024];
        var weak = new WeakReference(payload);
        _ = (await runner.RunAsync((_, _) => payload.Length, Limit, DateTime.MaxValue, default)).Value;
        return weak;
    }

    [Fact]
    public async Task A_queued_call_whose_deadline_leaves_no_time_to_search_is_refused_and_leaves_the_queue()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 1, _clock);
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource();
        var held = runner.RunAsync((_, _) => { started.SetResult(); release.Wait(CancellationToken.None); return 1; }, Limit, DateTime.MaxValue, default);
        await started.Task;
        var deadline = _clock.GetUtcNow().UtcDateTime + TimeSpan.FromMilliseconds(400);
        var waiting = runner.RunAsync((_, _) => 2, Limit, deadline, default);
        Assert.True(SpinWait.SpinUntil(() => runner.Waiting == 1, TimeSpan.FromSeconds(10)));

        // The latest start is the deadline less the margin and the shortest search: 250 ms from now.
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        var refused = await Assert.ThrowsAsync<SolveRefusedException>(() => waiting);
        Assert.Equal(SolveRefusal.NoTimeToSearch, refused.Refusal);
        Assert.Equal((1, 0), (runner.Running, runner.Waiting));
        release.Set();
        await held;
    }

    [Fact]
    public async Task A_deadline_shorter_than_the_policy_limit_sets_the_search_limit_and_says_so()
    {
        // The second call may find the first's slot not yet given back: it waits for it.
        using var runner = new SolveRunner(concurrency: 1, queueLength: 1, _clock);
        var deadline = _clock.GetUtcNow().UtcDateTime + TimeSpan.FromMilliseconds(500);

        var byDeadline = await runner.RunAsync((limit, _) => limit, Limit, deadline, default);
        var byPolicy = await runner.RunAsync((limit, _) => limit, TimeSpan.FromMilliseconds(300), deadline, default);

        Assert.Equal((TimeSpan.FromMilliseconds(400), true), (byDeadline.Value, byDeadline.ByDeadline));
        Assert.Equal((TimeSpan.FromMilliseconds(300), false), (byPolicy.Value, byPolicy.ByDeadline));
        Assert.Equal(byDeadline.Value, byDeadline.Limit);
    }

    [Fact]
    public async Task A_deadline_leaving_exactly_the_margin_and_the_shortest_search_is_answered()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);
        var deadline = _clock.GetUtcNow().UtcDateTime + SolveRunner.DeadlineMargin + SolveRunner.MinimumSearch;

        var run = await runner.RunAsync((limit, _) => limit, Limit, deadline, default);

        Assert.Equal((SolveRunner.MinimumSearch, true), (run.Value, run.ByDeadline));
    }

    [Fact]
    public async Task A_deadline_leaving_less_than_the_shortest_search_is_refused_without_running_the_search()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);
        var ran = false;
        var deadline = _clock.GetUtcNow().UtcDateTime + SolveRunner.DeadlineMargin + SolveRunner.MinimumSearch - TimeSpan.FromMilliseconds(1);

        var refused = await Assert.ThrowsAsync<SolveRefusedException>(() => runner.RunAsync((_, _) => ran = true, Limit, deadline, default));

        Assert.Equal(SolveRefusal.NoTimeToSearch, refused.Refusal);
        Assert.False(ran);
        Assert.Equal(0, runner.Admitted);
    }

    [Fact]
    public async Task The_search_is_stopped_at_its_time_limit()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);
        var started = new TaskCompletionSource();
        var run = runner.RunAsync((_, stop) => { started.SetResult(); return stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)); }, Limit, DateTime.MaxValue, default);
        await started.Task;

        _clock.Advance(Limit);

        Assert.True((await run).Value, "the search's token fired at its limit");
    }

    [Fact]
    public async Task A_search_that_has_not_answered_shortly_before_the_deadline_is_stopped_and_refused()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);
        using var release = new ManualResetEventSlim();
        var token = CancellationToken.None;
        var deadline = _clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1);
        var run = runner.RunAsync((_, stop) => { token = stop; release.Wait(CancellationToken.None); return 1; }, TimeSpan.FromMinutes(1), deadline, default);

        // A search that ignores its limit (the deadline less the margin) is given up on half the margin later.
        await AdvanceUntilAsync(run, TimeSpan.FromMilliseconds(10));
        var refused = await Assert.ThrowsAsync<SolveRefusedException>(() => run);

        Assert.Equal(SolveRefusal.NotAnsweredInTime, refused.Refusal);
        Assert.True(token.IsCancellationRequested, "the search was told to stop");
        release.Set();
    }

    [Fact]
    public async Task A_search_overrunning_its_limit_by_the_grace_gives_its_slot_back_and_is_counted()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource();
        var overrunning = runner.RunAsync((_, _) => { started.SetResult(); release.Wait(CancellationToken.None); return 1; }, Limit, DateTime.MaxValue, default);
        await started.Task;

        _clock.Advance(Limit + SolveRunner.OverrunGrace);

        Assert.True(SpinWait.SpinUntil(() => runner.Abandoned == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, runner.Running);
        Assert.Equal(2, (await runner.RunAsync((_, _) => 2, Limit, DateTime.MaxValue, default)).Value);
        release.Set();
        Assert.Equal(1, (await overrunning).Value);
        Assert.Equal(1L, runner.Abandoned);
    }

    [Fact]
    public async Task A_caller_going_away_stops_its_search_and_the_slot_is_freed_when_the_search_returns()
    {
        using var runner = new SolveRunner(concurrency: 1, queueLength: 0, _clock);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var run = runner.RunAsync((_, stop) => { started.SetResult(); return stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)); }, Limit, DateTime.MaxValue, cancel.Token);
        await started.Task;

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(SpinWait.SpinUntil(() => runner.Admitted == 0, TimeSpan.FromSeconds(10)), $"{runner.Admitted} admitted");
        Assert.Equal(0L, runner.Abandoned);
    }

    /// <summary>Moves the fake clock on in small steps until <paramref name="task"/> ends (timers are set as the runner goes).</summary>
    private async Task AdvanceUntilAsync(Task task, TimeSpan step)
    {
        for (var i = 0; i < 1_000 && !task.IsCompleted; i++)
        {
            _clock.Advance(step);
            await Task.WhenAny(task, Task.Delay(5));
        }
    }
}
