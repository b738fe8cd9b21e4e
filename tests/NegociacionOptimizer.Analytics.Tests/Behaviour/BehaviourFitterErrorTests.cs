using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Analytics.Tests.Behaviour;

public sealed class BehaviourFitterErrorTests
{
    private static PlanHistoryRecord Plan(Reason reason, bool completed, double burden = 0.15) =>
        new(burden, reason, Frequency.Monthly, 0, 12, completed ? 12 : 3, completed);

    [Fact]
    public void Empty_history_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BehaviourFitter.Fit([]));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_without_any_break_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BehaviourFitter.Fit([Plan(Reason.Other, true), Plan(Reason.Forgot, true)]));
        Assert.Contains("No plan in the history broke", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_without_the_reference_reason_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BehaviourFitter.Fit([Plan(Reason.JobLoss, false), Plan(Reason.Forgot, true)]));
        Assert.Contains("OTHER", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_whose_reference_plans_never_broke_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            BehaviourFitter.Fit([Plan(Reason.Other, true), Plan(Reason.JobLoss, false), Plan(Reason.JobLoss, true)]));
        Assert.Contains("OTHER", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_record_is_rejected_with_its_position()
    {
        var bad = Plan(Reason.Other, completed: true) with { InstallmentsPaid = 5 };

        var e = Assert.Throws<ArgumentException>(() => BehaviourFitter.Fit([Plan(Reason.Other, false), bad]));

        Assert.Contains("record 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsorted_bucket_bounds_are_rejected()
    {
        var options = new BehaviourFitOptions { BucketFromBp = [0, 2_000, 1_000] };

        Assert.Throws<ArgumentException>(() => BehaviourFitter.Fit([Plan(Reason.Other, false)], options));
    }

    [Fact]
    public void Reason_seen_in_one_bucket_only_is_a_clear_error_not_NaN()
    {
        // Forgot's only plan is the only plan of the 30–40 % bucket: its multiplier and that base hazard are confounded.
        var history = new[] { Plan(Reason.Other, false), Plan(Reason.Other, true), Plan(Reason.Forgot, false, 0.35) };

        var e = Assert.Throws<InvalidOperationException>(() => BehaviourFitter.Fit(history));

        Assert.Contains("not identified", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_but_identified_history_gives_finite_estimates_and_intervals()
    {
        var history = new[]
        {
            Plan(Reason.Other, false), Plan(Reason.Other, true), Plan(Reason.Forgot, false), Plan(Reason.Forgot, true),
            Plan(Reason.Other, false, 0.35), Plan(Reason.Other, true, 0.35), Plan(Reason.Forgot, true, 0.35),
        };

        var fit = BehaviourFitter.Fit(history);

        Assert.All(fit.BaseHazards.Concat(fit.ReasonMultipliers).Where(p => p.Status == FitStatus.Estimated), p =>
        {
            Assert.True(double.IsFinite(p.Estimate) && p.Estimate > 0);
            Assert.True(double.IsFinite(p.Lower!.Value) && double.IsFinite(p.Upper!.Value));
            Assert.True(p.Lower < p.Estimate && p.Estimate < p.Upper);
        });
    }
}
