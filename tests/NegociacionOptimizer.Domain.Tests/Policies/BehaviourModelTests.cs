using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Policies;

public sealed class BehaviourModelTests
{
    private static readonly BehaviourModel Model = BehaviourModel.Default;

    [Theory]
    // A, p, I → bucket; burden = A·p / (12·I)
    [InlineData(9_999, 12, 100_000, 0)]
    [InlineData(10_000, 12, 100_000, 1)] // exactly 10 % → second bucket
    [InlineData(19_999, 12, 100_000, 1)]
    [InlineData(20_000, 12, 100_000, 2)]
    [InlineData(35_000, 12, 100_000, 3)]
    [InlineData(49_999, 12, 100_000, 4)]
    [InlineData(50_000, 12, 100_000, 5)]
    [InlineData(1_200, 52, 52_000, 1)] // 1,200·52/12 = 5,200 = 10 % of 52,000
    [InlineData(1_199, 52, 52_000, 0)]
    [InlineData(2_400, 26, 52_000, 1)] // 2,400·26/12 = 5,200
    [InlineData(1, 12, 0, 5)] // no disposable income: top bucket
    public void Bucket_index_is_exact_at_the_boundaries(long installment, int p, long income, int expected) =>
        Assert.Equal(expected, Model.BucketIndex(installment, p, DisposableIncome.FromIncome(income)));

    [Theory]
    [InlineData(0, Reason.Forgot, 0.003)]
    [InlineData(2, Reason.JobLoss, 0.03)]
    [InlineData(2, Reason.IncomeReduction, 0.022)]
    [InlineData(3, Reason.Illness, 0.0455)]
    [InlineData(4, Reason.OverIndebtedness, 0.084)]
    [InlineData(5, Reason.Other, 0.10)]
    [InlineData(1, Reason.Dispute, 0.01)] // not listed: multiplier 1.0
    public void Monthly_hazard_is_base_times_reason_multiplier(int bucket, Reason reason, double expected) =>
        Assert.Equal(expected, Model.MonthlyHazard(bucket, reason), 12);

    [Fact]
    public void Monthly_hazard_is_capped_at_95_percent()
    {
        var harsh = Model with { ReasonMultipliers = new Dictionary<Reason, double> { [Reason.JobLoss] = 20 } };
        Assert.Equal(0.95, harsh.MonthlyHazard(5, Reason.JobLoss));
        Assert.Equal(0.95, harsh.MonthlyHazard(4, Reason.JobLoss)); // 0.06 × 20 = 1.2
    }

    [Theory]
    [InlineData(12)]
    [InlineData(26)]
    [InlineData(52)]
    public void Period_hazard_compounds_to_the_monthly_hazard(int p)
    {
        // h = 1 − (1 − 0.02)^(12/p): surviving p/12 periods of h is surviving one month of h_m.
        var h = Model.PeriodHazard(2, Reason.Other, p);
        Assert.Equal(1 - Math.Pow(0.98, 12.0 / p), h, 15);
        Assert.Equal(0.98, Math.Pow(1 - h, p / 12.0), 12);
    }

    [Fact]
    public void Survival_counts_grace_periods()
    {
        // Weekly, g = 2, n = 3, reason Other, bucket 1 (0.01 a month): S_k = (1 − h)^(2 + k), S_0 = 1.
        var context = Scenario.Financing(100_000);
        var survival = context.Profile(new PlanStructure(Frequency.Weekly, 3, 2)).Survival(1);
        var h = 1 - Math.Pow(0.99, 12.0 / 52);

        Assert.Equal(1.0, survival[0]);
        for (var k = 1; k <= 3; k++)
        {
            Assert.Equal(Math.Pow(1 - h, 2 + k), survival[k], 15);
        }
    }
}
