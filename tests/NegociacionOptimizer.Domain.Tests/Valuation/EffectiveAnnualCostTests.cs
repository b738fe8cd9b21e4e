using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;
using NegociacionOptimizer.Domain.Valuation;

namespace NegociacionOptimizer.Domain.Tests.Valuation;

/// <summary>
/// CFT vs a spreadsheet's XIRR over the same dated flows (−F at as-of, A_k at t_k), which uses (1+r)^((d_k − d_0)/365)
/// exactly like SPEC §3. The reference is <see cref="Reference.Xirr"/>: a plain bisection written in the test, sharing
/// nothing with MathNet's Brent solver the domain uses. Closed-form vectors: one payment after 365 days is (1+r)·F.
/// </summary>
public sealed class EffectiveAnnualCostTests
{
    [Theory]
    [InlineData(100_000, 125_000, 365, 0.25)]
    [InlineData(100_000, 121_000, 730, 0.10)]
    [InlineData(100_000, 400_000, 365, 3.00)]
    public void Single_payment_cft_has_a_closed_form(long financed, long amount, int days, double expected)
    {
        Assert.Equal(expected, EffectiveAnnualCost.Solve(financed, [amount], [days]), 9);
        Assert.Equal(expected, Reference.Xirr(financed, [amount], [days]), 9);
    }

    [Fact]
    public void Interest_free_plan_costs_nothing()
    {
        var context = Scenario.Financing(100_000, Scenario.Policy(tnaBp: 0, roundingUnit: 1_000));
        var e = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 3));
        Assert.Equal(0, e.EffectiveAnnualCost);
        Assert.Equal(0, EffectiveAnnualCost.Solve(0, [], []));
    }

    [Theory]
    [InlineData(2_000, Frequency.Monthly, 12, 0)]
    [InlineData(3_600, Frequency.Monthly, 12, 0)]
    [InlineData(6_000, Frequency.Monthly, 24, 0)]
    [InlineData(3_600, Frequency.Weekly, 52, 0)]
    [InlineData(2_400, Frequency.Biweekly, 26, 0)]
    [InlineData(3_600, Frequency.Monthly, 12, 2)]
    [InlineData(30_000, Frequency.Monthly, 12, 0)]
    [InlineData(30_000, Frequency.Weekly, 104, 1)]
    public void Plan_cft_matches_xirr_over_the_same_dated_flows(int tnaBp, Frequency f, int n, int grace)
    {
        var context = Scenario.Financing(100_000_000, Scenario.Policy(tnaBp, capBp: 1_000_000));
        var e = PlanEvaluator.Evaluate(context, Scenario.Plan(f, n, grace));
        var xirr = Reference.Xirr(e.FinancedMinor, [.. e.Schedule.Select(r => r.AmountMinor)], [.. e.Schedule.Select(r => r.DaysFromAsOf)]);

        Assert.Equal(xirr, e.EffectiveAnnualCost, 9);
    }

    private static NegotiationContext FullMonths(int tnaBp, int capBp = 100_000) =>
        Scenario.Financing(100_000_000, Scenario.Policy(tnaBp, capBp: capBp), Scenario.Inquiry(payDay: PayDay.OfMonth(2)));

    [Fact]
    public void Monthly_cft_with_full_first_period_is_the_compounded_tna()
    {
        // Pay day 2 = as-of's day, so every period is a whole month: CFT ≈ (1.03)^12 − 1 = 42.58 % (dates and the
        // rounded installment move it by a little).
        var cft = PlanEvaluator.Evaluate(FullMonths(3_600), Scenario.Plan(Frequency.Monthly, 12)).EffectiveAnnualCost;
        Assert.InRange(cft, 0.41, 0.45);
    }

    [Fact]
    public void Short_first_period_raises_the_cft()
    {
        // Pay day 10 from as-of 2 March: the first installment is 8 days away but carries a full month's interest.
        var shortFirst = PlanEvaluator.Evaluate(Scenario.Financing(100_000_000, Scenario.Policy(3_600)), Scenario.Plan(Frequency.Monthly, 12));
        var fullFirst = PlanEvaluator.Evaluate(FullMonths(3_600), Scenario.Plan(Frequency.Monthly, 12));

        Assert.Equal(fullFirst.InstallmentMinor, shortFirst.InstallmentMinor);
        Assert.InRange(shortFirst.EffectiveAnnualCost, 0.48, 0.50);
        Assert.True(shortFirst.EffectiveAnnualCost > fullFirst.EffectiveAnnualCost + 0.05);
    }

    [Fact]
    public void Grace_lowers_the_cft()
    {
        var context = Scenario.Financing(100_000_000, Scenario.Policy(3_600));
        var none = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12)).EffectiveAnnualCost;
        var one = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12, 1)).EffectiveAnnualCost;
        var two = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12, 2)).EffectiveAnnualCost;

        Assert.True(one < none, $"{one} < {none}");
        Assert.True(two < one, $"{two} < {one}");
    }

    [Fact]
    public void Very_high_rates_are_solved()
    {
        // TNA 300 % monthly: (1.25)^12 − 1 ≈ 1,355 % a year.
        var e = PlanEvaluator.Evaluate(FullMonths(30_000, capBp: 10_000_000), Scenario.Plan(Frequency.Monthly, 12));
        Assert.InRange(e.EffectiveAnnualCost, 12, 16);
    }

    [Fact]
    public void Is_within_agrees_with_the_solved_cft_on_both_sides_of_it()
    {
        var context = Scenario.Financing(100_000_000, Scenario.Policy(3_600));
        var e = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12));
        long[] amounts = [.. e.Schedule.Select(r => r.AmountMinor)];
        int[] days = [.. e.Schedule.Select(r => r.DaysFromAsOf)];
        var cft = EffectiveAnnualCost.Solve(e.FinancedMinor, amounts, days);

        Assert.True(EffectiveAnnualCost.IsWithin(cft + 1e-6, e.FinancedMinor, amounts, days));
        Assert.False(EffectiveAnnualCost.IsWithin(cft - 1e-6, e.FinancedMinor, amounts, days));
        Assert.Equal(0, EffectiveAnnualCost.NetPresentValue(cft, e.FinancedMinor, amounts, days), 3);
    }

    [Fact]
    public void Search_path_skips_the_root_but_keeps_the_usury_check()
    {
        var context = Scenario.Financing(100_000_000, Scenario.Policy(3_600, capBp: 2_552));
        var search = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12), detail: false);
        var full = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12));

        Assert.Empty(search.Schedule);
        Assert.Equal(full.Violations, search.Violations);
        Assert.Equal(full.ExpectedNpvMinor, search.ExpectedNpvMinor);
        Assert.Equal(full.Score, search.Score);
    }
}
