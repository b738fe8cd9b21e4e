using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>
/// A call refused before its search comes back from the pipeline as a task that has already failed with its status, so
/// no layer above throws it again (a refusal stays cheap under overload); a call that needs no search is never refused.
/// </summary>
public sealed class RefusalPathTests : IDisposable
{
    private readonly HeldEngine _engine = new();
    private readonly SolveRunner _runner = new(concurrency: 1, queueLength: 0, TimeProvider.System);
    private readonly OfferPipeline _pipeline;

    public RefusalPathTests() =>
        _pipeline = new OfferPipeline(new PolicyRouter(new PolicyStore(), NullLogger<PolicyRouter>.Instance), _engine, _runner, CalendarSet.BuiltIn);

    public void Dispose()
    {
        _engine.Release();
        _runner.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public async Task A_call_beyond_the_slots_comes_back_already_failed_with_resource_exhausted()
    {
        var running = _pipeline.GenerateAsync(Requests.Held(), DateTime.MaxValue, CancellationToken.None);
        await _engine.WaitForSearchesAsync(1);

        var refused = _pipeline.GenerateAsync(Requests.Held(), DateTime.MaxValue, CancellationToken.None);

        Assert.True(refused.IsFaulted);
        var status = Assert.IsType<RpcException>(refused.Exception!.InnerException);
        Assert.Equal(StatusCode.ResourceExhausted, status.StatusCode);
        Assert.Contains("retry", status.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, _runner.Rejected);
        _engine.Release();
        Assert.NotEmpty((await running).Offers);
    }

    [Fact]
    public void A_call_whose_deadline_has_passed_comes_back_already_failed_with_deadline_exceeded()
    {
        var refused = _pipeline.GenerateAsync(Requests.Held(), DateTime.UtcNow.AddMinutes(-1), CancellationToken.None);

        Assert.True(refused.IsFaulted);
        Assert.Equal(StatusCode.DeadlineExceeded, Assert.IsType<RpcException>(refused.Exception!.InnerException).StatusCode);
        Assert.Equal(0, _runner.Admitted);
    }

    [Fact]
    public async Task A_dispute_gets_its_review_outcome_while_every_slot_is_taken()
    {
        var running = _pipeline.GenerateAsync(Requests.Held(), DateTime.MaxValue, CancellationToken.None);
        await _engine.WaitForSearchesAsync(1);
        var dispute = Requests.Held();
        dispute.Inquiry.Reason = Reason.Dispute;

        var review = await _pipeline.GenerateAsync(dispute, DateTime.MaxValue, CancellationToken.None);

        Assert.Equal(Outcome.ReviewRequired, review.Outcome);
        Assert.Equal(0, _runner.Rejected);
        _engine.Release();
        await running;
    }
}
