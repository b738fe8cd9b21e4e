using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

/// <summary>I, max_burden · I and min(max_burden · I, stated) (SPEC §2–§3), with the default max burden of 35 %.</summary>
public sealed class AffordabilityTests
{
    private static NegotiationContext Context(Inquiry inquiry, int tnaBp = 0, long unit = 100) =>
        Scenario.Context(Scenario.Account(10_000_000), inquiry, Scenario.Policy(tnaBp, unit));

    [Fact]
    public void Disposable_income_is_income_minus_expenses_minus_other_debts()
    {
        var context = Context(Scenario.Inquiry(income: 500_000, expenses: 200_000, otherDebts: 50_000));

        Assert.Equal(DisposableIncome.FromIncome(250_000), context.DisposableIncome);
        Assert.Equal(87_500, context.BurdenCapacityMinor);
        Assert.Equal(87_500, context.MonthlyCapacityMinor);
    }

    [Fact]
    public void Only_a_stated_capacity_gives_income_of_stated_over_max_burden()
    {
        // 100,000 / 0.35 = 285,714.2857…, kept exact: ⌊0.35 · I⌋ = 100,000 is the stated capacity again.
        var context = Context(Scenario.Inquiry(income: null, expenses: null, otherDebts: null, stated: 100_000));

        Assert.Equal(100_000, context.DisposableIncome.Amount);
        Assert.Equal(3_500, context.DisposableIncome.DivisorBp);
        Assert.Equal(285_715, context.DisposableIncome.CeilingMinor);
        Assert.Equal(100_000, context.BurdenCapacityMinor);
        Assert.Equal(100_000, context.MonthlyCapacityMinor);
    }

    [Fact]
    public void Capacity_is_the_smaller_of_burden_limit_and_stated_capacity()
    {
        Assert.Equal(40_000, Context(Scenario.Inquiry(income: 200_000, stated: 40_000)).MonthlyCapacityMinor);
        Assert.Equal(70_000, Context(Scenario.Inquiry(income: 200_000, stated: 90_000)).MonthlyCapacityMinor);
    }

    [Fact]
    public void Income_that_does_not_cover_expenses_leaves_no_capacity_even_with_a_stated_one()
    {
        var context = Context(Scenario.Inquiry(income: 100_000, expenses: 120_000, stated: 30_000));

        Assert.True(context.DisposableIncome.IsZero);
        Assert.Equal(0, context.MonthlyCapacityMinor);
    }

    [Fact]
    public void Paying_exactly_the_stated_capacity_is_affordable()
    {
        // Stated 1,000 only: I = ⌈1,000 / 0.35⌉ = 2,858 and ⌊0.35 · 2,858⌋ = 1,000. Interest-free, unit 1:
        // 2,000 in 2 → A = 1,000 (fits); 2,100 in 2 → A = 1,050 (over both limits).
        var inquiry = Scenario.Inquiry(income: null, expenses: null, otherDebts: null, stated: 1_000);
        var policy = Scenario.Policy(tnaBp: 0, roundingUnit: 1);
        var fits = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(2_000), inquiry, policy), Scenario.Plan(Frequency.Monthly, 2));
        var over = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(2_100), inquiry, policy), Scenario.Plan(Frequency.Monthly, 2));

        Assert.Equal(1_000, fits.InstallmentMinor);
        Assert.DoesNotContain(fits.Violations, v => v.Code is RuleCode.Burden or RuleCode.StatedCapacity);
        Assert.Contains(new Violation(RuleCode.Burden, 1_050, 1_000, FigureUnit.Minor), over.Violations);
        Assert.Contains(new Violation(RuleCode.StatedCapacity, 1_050, 1_000, FigureUnit.Minor), over.Violations);
    }

    [Fact]
    public void Burden_limit_is_exact_at_the_integer_boundary()
    {
        // I = 100,000 → capacity 35,000 a month. Interest-free, unit 100: F = 70,000 in 2 → A = 35,000 (fits);
        // F = 70,100 → A = 35,100 (one unit over).
        var inquiry = Scenario.Inquiry(income: 100_000);
        var fits = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(70_000), inquiry, Scenario.Policy(0)), Scenario.Plan(Frequency.Monthly, 2));
        var over = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(70_100), inquiry, Scenario.Policy(0)), Scenario.Plan(Frequency.Monthly, 2));

        Assert.DoesNotContain(fits.Violations, v => v.Code == RuleCode.Burden);
        Assert.Equal([new Violation(RuleCode.Burden, 35_100, 35_000, FigureUnit.Minor)], over.Violations.Where(v => v.Code == RuleCode.Burden));
    }

    [Fact]
    public void Weekly_burden_compares_the_monthly_equivalent_in_integers()
    {
        // Capacity 35,000 a month; weekly A·52/12 ≤ 35,000 ⇔ A ≤ 8,076.9. Interest-free unit 1: 16,152 in 2 → 8,076 fits,
        // 16,154 in 2 → 8,077 (35,000.33 a month) does not; the figure shown is the monthly equivalent rounded.
        var inquiry = Scenario.Inquiry(income: 100_000);
        var policy = Scenario.Policy(tnaBp: 0, roundingUnit: 1);
        var fits = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(16_152), inquiry, policy), Scenario.Plan(Frequency.Weekly, 2));
        var over = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(16_154), inquiry, policy), Scenario.Plan(Frequency.Weekly, 2));

        Assert.Equal(8_076, fits.InstallmentMinor);
        Assert.DoesNotContain(fits.Violations, v => v.Code == RuleCode.Burden);
        Assert.Equal(8_077, over.InstallmentMinor);
        Assert.Contains(new Violation(RuleCode.Burden, 35_000, 35_000, FigureUnit.Minor), over.Violations);
    }

    [Fact]
    public void Stated_capacity_is_exact_at_the_integer_boundary()
    {
        var inquiry = Scenario.Inquiry(income: 1_000_000, stated: 35_000);
        var fits = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(70_000), inquiry, Scenario.Policy(0)), Scenario.Plan(Frequency.Monthly, 2));
        var over = PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(70_100), inquiry, Scenario.Policy(0)), Scenario.Plan(Frequency.Monthly, 2));

        Assert.True(fits.IsFeasible);
        Assert.Equal([new Violation(RuleCode.StatedCapacity, 35_100, 35_000, FigureUnit.Minor)], over.Violations);
    }
}
