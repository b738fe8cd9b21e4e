using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Valuation;

/// <summary>SPEC §4's grace risk: h_g = 1 − (1 − min(0.95, m_g·h_m))^(12/p) and S_k = (1 − h_g)^g · (1 − h)^k.</summary>
public sealed class GraceRiskTests
{
    private static Policy WithGraceMultiplier(double mg) =>
        Policy.UncheckedForTests(Scenario.Draft() with { Behaviour = BehaviourDraft.Of(BehaviourModel.Default with { GraceHazardMultiplier = mg }) });

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(7.25)]
    public void Survival_is_grace_survival_times_plan_survival(double mg)
    {
        // Weekly, g = 2, n = 3, reason Other, bucket 1 (h_m = 0.01): h = 1 − 0.99^(12/52), h_g = 1 − (1 − 0.01·m_g)^(12/52).
        var context = Scenario.Financing(100_000, WithGraceMultiplier(mg));
        var survival = context.Profile(new PlanStructure(Frequency.Weekly, 3, 2)).Survival(1);
        var h = 1 - Math.Pow(0.99, 12.0 / 52);
        var hg = 1 - Math.Pow(1 - (0.01 * mg), 12.0 / 52);

        Assert.Equal(1.0, survival[0]);
        for (var k = 1; k <= 3; k++)
        {
            Assert.Equal(Math.Pow(1 - hg, 2) * Math.Pow(1 - h, k), survival[k], 15);
        }
    }

    [Fact]
    public void Grace_hazard_is_capped_at_95_percent_a_month()
    {
        // Bucket 5 (0.10) × job loss (1.5) = h_m 0.15; m_g = 20 would make it 3.0: capped at 0.95.
        var model = BehaviourModel.Default with { GraceHazardMultiplier = 20 };
        var context = Scenario.Financing(100_000, Policy.UncheckedForTests(Scenario.Draft() with { Behaviour = BehaviourDraft.Of(model) }), Scenario.Inquiry(reason: Reason.JobLoss));
        var survival = context.Profile(new PlanStructure(Frequency.Monthly, 2, 1)).Survival(5);

        Assert.Equal(0.95, model.GraceMonthlyHazard(5, Reason.JobLoss));
        Assert.Equal(0.95, model.GracePeriodHazard(5, Reason.JobLoss, 12), 15);
        Assert.Equal(0.15, model.MonthlyHazard(5, Reason.JobLoss), 15);
        Assert.Equal(0.05 * 0.85, survival[1], 15);
        Assert.Equal(0.05 * 0.85 * 0.85, survival[2], 15);
    }

    [Fact]
    public void Grace_multiplier_scales_the_capped_monthly_hazard()
    {
        // h_m = min(0.95, 0.10 × 20) = 0.95, then m_g = 0.5 gives 0.475 in grace: the cap applies to h_m first (SPEC §4).
        var model = BehaviourModel.Default with
        {
            ReasonMultipliers = new Dictionary<Reason, double> { [Reason.JobLoss] = 20 },
            GraceHazardMultiplier = 0.5,
        };

        Assert.Equal(0.475, model.GraceMonthlyHazard(5, Reason.JobLoss), 15);
    }

    [Fact]
    public void Default_grace_multiplier_is_one_and_leaves_every_survival_bit_for_bit_as_before()
    {
        Assert.Equal(1.0, BehaviourModel.Default.GraceHazardMultiplier);
        Assert.Equal(1.0, PolicyDefaults.BuiltIn.Behaviour.GraceHazardMultiplier);
        var context = Scenario.Financing(100_000);
        foreach (var f in FrequencyExtensions.All)
        {
            for (var g = 0; g <= 3; g++)
            {
                var survival = context.Profile(new PlanStructure(f, 6, g)).Survival(2);
                var h = BehaviourModel.Default.PeriodHazard(2, Reason.Other, f.PeriodsPerYear());
                for (var k = 1; k <= 6; k++)
                {
                    Assert.Equal(Math.Pow(1 - h, g + k), survival[k]);
                }
            }
        }
    }

    /// <summary>
    /// PlanValueTests' hand-computed plan (monthly, n = 2, g = 1, job loss, bucket [.20, .30): h_m = 0.03) with m_g = 2:
    /// h_g = 0.06, S_1 = 0.94·0.97 = 0.9118, S_2 = 0.94·0.97² = 0.884446; everything else as there.
    /// </summary>
    [Fact]
    public void Plan_value_with_a_grace_multiplier_matches_the_hand_computation()
    {
        var policy = Policy.UncheckedForTests(Scenario.Draft(tnaBp: 1_200) with {
            CostOfCapitalBp = 2_000, DebtorDiscountRateBp = 6_000, AlternativeRecoveryBp = 2_500, CompanyWeightBp = 5_000,
            Behaviour = BehaviourDraft.Of(BehaviourModel.Default with { GraceHazardMultiplier = 2.0 }),
        });
        var inquiry = Scenario.Inquiry(income: 200_000, lumpSum: 10_000, reason: Reason.JobLoss);
        var context = Scenario.Context(Scenario.Account(100_000), inquiry, policy);

        var e = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 2, g: 1, down: 10_000));

        const double s1 = 0.94 * 0.97;
        const double s2 = 0.94 * 0.97 * 0.97;
        var v1 = Math.Pow(1.2, -39 / 365.0);
        var v2 = Math.Pow(1.2, -70 / 365.0);
        var npv = 10_000 + (v1 * ((s1 * 45_700) + ((1 - s1) * 0.25 * 90_000))) + (v2 * ((s2 * 45_652) + ((s1 - s2) * 0.25 * 44_300)));
        var person = 90_000 - (Math.Pow(1.6, -39 / 365.0) * 45_700) - (Math.Pow(1.6, -70 / 365.0) * 45_652);

        Assert.Empty(e.Violations);
        Assert.Equal(0.884446, e.CompletionProbability, 12);
        Assert.Equal(npv, e.ExpectedNpvMinor, 6);
        Assert.Equal(npv - 25_000, e.CompanyValueMinor, 6);
        Assert.Equal(person, e.PersonValueMinor, 6);
        Assert.Equal(Math.Sqrt((npv - 25_000) * person), e.Score, 6);
    }

    [Fact]
    public void A_riskier_grace_period_lowers_the_value_of_a_deferred_plan_and_leaves_a_plan_without_grace_alone()
    {
        var inquiry = Scenario.Inquiry(income: 200_000, lumpSum: 10_000, reason: Reason.JobLoss);
        PlanEvaluation Evaluate(double mg, int g) => PlanEvaluator.Evaluate(
            Scenario.Context(Scenario.Account(100_000), inquiry, WithGraceMultiplier(mg)), Scenario.Plan(Frequency.Monthly, 6, g: g, down: 10_000));

        Assert.True(Evaluate(3.0, 2).ExpectedNpvMinor < Evaluate(1.0, 2).ExpectedNpvMinor);
        Assert.True(Evaluate(0.5, 2).ExpectedNpvMinor > Evaluate(1.0, 2).ExpectedNpvMinor);
        Assert.Equal(Evaluate(1.0, 0).ExpectedNpvMinor, Evaluate(3.0, 0).ExpectedNpvMinor);
    }
}
