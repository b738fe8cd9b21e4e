using Grpc.Core;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Tests.Hosting;

public class SolveGateTests
{
    [Fact]
    public async Task A_call_beyond_the_slots_and_the_queue_is_refused_and_counted()
    {
        using var gate = new SolveGate(concurrency: 1, queueLength: 1);
        var first = await gate.EnterAsync(DateTime.MaxValue, TimeProvider.System, default);
        var waiting = gate.EnterAsync(DateTime.MaxValue, TimeProvider.System, default);
        var error = await Assert.ThrowsAsync<RpcException>(() => gate.EnterAsync(DateTime.MaxValue, TimeProvider.System, default));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal((2, 1, 1L), (gate.Admitted, gate.Running, gate.Rejected));
        first.Dispose();
        (await waiting).Dispose();
        Assert.Equal((0, 0, 2L), (gate.Admitted, gate.Running, gate.Completed));
    }

    [Fact]
    public async Task A_queued_call_whose_start_deadline_passes_gets_deadline_exceeded_and_leaves_the_queue()
    {
        using var gate = new SolveGate(concurrency: 1, queueLength: 1);
        using var held = await gate.EnterAsync(DateTime.MaxValue, TimeProvider.System, default);
        var error = await Assert.ThrowsAsync<RpcException>(() => gate.EnterAsync(DateTime.UtcNow.AddMilliseconds(50), TimeProvider.System, default));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(1, gate.Admitted);
    }

    [Fact]
    public async Task Disposing_a_lease_twice_frees_one_slot()
    {
        using var gate = new SolveGate(concurrency: 2, queueLength: 0);
        var lease = await gate.EnterAsync(DateTime.MaxValue, TimeProvider.System, default);
        lease.Dispose();
        lease.Dispose();
        Assert.Equal((0, 1L), (gate.Admitted, gate.Completed));
    }
}
