using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Tests.Behaviour;

public sealed class SyntheticHistoryTests
{
    [Fact]
    public void Same_seed_gives_the_same_history_and_another_seed_a_different_one()
    {
        var a = SyntheticHistory.Generate(BehaviourModel.Default, 500, seed: 11);
        var b = SyntheticHistory.Generate(BehaviourModel.Default, 500, seed: 11);
        var c = SyntheticHistory.Generate(BehaviourModel.Default, 500, seed: 12);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Every_record_is_consistent_and_within_the_documented_ranges()
    {
        var history = SyntheticHistory.Generate(BehaviourModel.Default, 3_000, seed: 1);

        Assert.All(history, r =>
        {
            Assert.Null(r.Problem());
            Assert.InRange(r.Installments, 1, 36);
            Assert.InRange(r.GracePeriods, 0, 2);
            Assert.InRange(r.Burden, 0, 0.7);
        });
        Assert.Equal(6, history.Select(r => r.Reason).Distinct().Count());
        Assert.Equal(3, history.Select(r => r.Frequency).Distinct().Count());
        Assert.Contains(history, r => !r.Completed && r.InstallmentsPaid == 0);
        Assert.Contains(history, r => r.Completed);
    }

    [Fact]
    public void Higher_burden_breaks_more_often()
    {
        var history = SyntheticHistory.Generate(BehaviourModel.Default, 6_000, seed: 2);

        double BrokenShare(Func<PlanHistoryRecord, bool> which) =>
            history.Where(which).Average(r => r.Completed ? 0.0 : 1.0);

        Assert.True(BrokenShare(r => r.Burden < 0.1) < BrokenShare(r => r.Burden >= 0.5));
    }

    [Fact]
    public void Broken_plan_survived_its_grace_periods_plus_the_installments_paid()
    {
        var record = new PlanHistoryRecord(0.2, Reason.Other, Frequency.Monthly, 2, 12, 4, false);

        Assert.Equal(6, record.PeriodsSurvived);
        Assert.Equal(14, (record with { Completed = true, InstallmentsPaid = 12 }).PeriodsSurvived);
    }
}
