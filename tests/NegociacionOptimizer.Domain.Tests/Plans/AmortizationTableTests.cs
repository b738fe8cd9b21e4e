using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

public sealed class AmortizationTableTests
{
    /// <summary>
    /// F = 100,050 (1,000.50), TNA 36 % monthly → i = 3 %, n = 3, unit 100. =PMT(3 %, 3, −100,050) = 35,370.71 → A = 35,400.
    /// Pay day 10, as-of Mon 2026-03-02, weekends-only calendar: 10 Mar (Tue, t = 8), 10 Apr (Fri, t = 39),
    /// 10 May is a Sunday → 11 May (t = 70).
    /// <code>
    /// k  balance   interest (half up)          principal  amount   remaining
    /// 1  100,050   3,001.50  → 3,002           32,398     35,400   67,652
    /// 2   67,652   2,029.56  → 2,030           33,370     35,400   34,282
    /// 3   34,282   1,028.46  → 1,028           34,282     35,310        0   (last settles balance + interest)
    /// Σ principal = 100,050 = F;  Σ amounts = 106,110 = F + Σ interest (6,060)
    /// </code>
    /// </summary>
    [Fact]
    public void Three_monthly_installments_match_the_hand_written_table()
    {
        var context = Scenario.Financing(100_050, Scenario.Policy(tnaBp: 3_600));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 3));

        ScheduledPayment[] expected =
        [
            new(1, new DateOnly(2026, 3, 10), 8, 35_400, 3_002, 32_398, 67_652),
            new(2, new DateOnly(2026, 4, 10), 39, 35_400, 2_030, 33_370, 34_282),
            new(3, new DateOnly(2026, 5, 11), 70, 35_310, 1_028, 34_282, 0),
        ];
        Assert.Equal(expected, evaluation.Schedule);
        Assert.Equal(35_400, evaluation.InstallmentMinor);
        Assert.Equal(35_310, evaluation.LastInstallmentMinor);
        Assert.Equal(6_060, evaluation.TotalInterestMinor);
        Assert.Equal(106_110, evaluation.TotalToPayMinor);
        Assert.Equal(100_050, evaluation.FinancedMinor);
    }

    [Fact]
    public void Exact_half_minor_unit_of_interest_rounds_up_at_biweekly_rates()
    {
        // 8,450 × 18 % / 26 = 58.5 exactly (58.49999999999999 as a double product): interest 59, the one installment 8,509.
        var amounts = new long[1];
        var interest = new long[1];
        Assert.True(Amortization.Fill(8_450, 8_509, 1_800, 26, amounts, interest));
        Assert.Equal(59, interest[0]);
        Assert.Equal(8_509, amounts[0]);

        var context = Scenario.Financing(8_450, Scenario.Policy(tnaBp: 1_800, roundingUnit: 1));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Biweekly, 1));
        Assert.Equal(59, evaluation.Schedule[0].InterestMinor);
        Assert.Equal(8_509, evaluation.LastInstallmentMinor);
    }

    [Fact]
    public void Last_installment_absorbs_the_rounding_remainder()
    {
        // Interest-free 100,000 in 3 with unit 1,000: A = ⌈33,333.3⌉ → 34,000; last = 100,000 − 68,000 = 32,000.
        var context = Scenario.Financing(100_000, Scenario.Policy(tnaBp: 0, roundingUnit: 1_000));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 3));

        Assert.Equal([34_000, 34_000, 32_000], evaluation.Schedule.Select(r => r.AmountMinor));
        Assert.All(evaluation.Schedule, r => Assert.Equal(0, r.InterestMinor));
        Assert.Equal(100_000, evaluation.Schedule.Sum(r => r.PrincipalMinor));
        Assert.Equal(0, evaluation.Schedule[^1].RemainingBalanceMinor);
    }

    [Fact]
    public void Schedule_rows_are_what_fill_computes()
    {
        var context = Scenario.Financing(50_000_000, Scenario.Policy(tnaBp: 2_000));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Weekly, 104));
        var amounts = new long[104];
        var interest = new long[104];

        Assert.True(Amortization.Fill(50_000_000, evaluation.InstallmentMinor, 2_000, 52, amounts, interest));
        Assert.Equal(amounts, evaluation.Schedule.Select(r => r.AmountMinor));
        Assert.Equal(interest, evaluation.Schedule.Select(r => r.InterestMinor));
        Assert.Equal(50_000_000, evaluation.Schedule.Sum(r => r.PrincipalMinor));
        Assert.Equal(evaluation.TotalInterestMinor, interest.Sum());
    }

    [Fact]
    public void Installment_that_repays_before_n_is_reported_as_rounding()
    {
        // Interest-free 1,000 in 3 with unit 500: A = 500, the balance is 0 after installment 2, so no third installment.
        var context = Scenario.Financing(1_000, Scenario.Policy(tnaBp: 0, roundingUnit: 500));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 3));

        Assert.Equal([new Violation(RuleCode.Rounding, 500, 1_000, FigureUnit.Minor)], evaluation.Violations);
        Assert.Empty(evaluation.Schedule);
        Assert.Equal(0, evaluation.Score);
    }
}
