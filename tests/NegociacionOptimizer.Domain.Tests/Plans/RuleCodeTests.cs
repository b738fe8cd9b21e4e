using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

/// <summary>Each rule of SPEC §3 reported with the plan's figure and the limit (Burden, StatedCapacity, DiscountLimit and
/// Rounding are pinned with their boundaries in their own feature tests).</summary>
public sealed class RuleCodeTests
{
    /// <summary>TNA 36 % and δ = 200 %: the person gains from any of these plans, so only the rule under test shows.</summary>
    private static readonly PolicyDraft Base = Scenario.Draft() with { DebtorDiscountRateBp = 20_000 };

    private static IReadOnlyList<Violation> Violations(PlanTerms terms, PolicyDraft? policy = null, Inquiry? inquiry = null, long balance = 100_000) =>
        PlanEvaluator.Evaluate(Scenario.Context(Scenario.Account(balance), inquiry, Policy.UncheckedForTests(policy ?? Base)), terms).Violations;

    [Fact]
    public void Feasible_plan_breaks_no_rule()
    {
        var e = PlanEvaluator.Evaluate(Scenario.Financing(100_050, Policy.UncheckedForTests(Base)), Scenario.Plan(Frequency.Monthly, 3));
        Assert.True(e.IsFeasible);
        Assert.True(e.Score > 0);
    }

    [Fact]
    public void Plan_more_frequent_than_income_breaks_frequency() =>
        Assert.Equal(
            [new Violation(RuleCode.Frequency, 52, 12, FigureUnit.Periods)],
            Violations(Scenario.Plan(Frequency.Weekly, 8), inquiry: Scenario.Inquiry(incomeFrequency: Frequency.Monthly)));

    [Fact]
    public void Frequency_the_policy_does_not_offer_breaks_frequency()
    {
        var policy = Base with { AllowedFrequencies = [Frequency.Monthly] };
        Assert.Equal([new Violation(RuleCode.Frequency, 26, 52, FigureUnit.Periods)], Violations(Scenario.Plan(Frequency.Biweekly, 4), policy));
    }

    [Fact]
    public void Too_many_installments_break_term()
    {
        var policy = Base with { MaxTermMonths = 12 };
        Assert.Empty(Violations(Scenario.Plan(Frequency.Weekly, 52), policy, balance: 10_000_000));
        Assert.Equal(
            [new Violation(RuleCode.Term, 53, 52, FigureUnit.Installments)],
            Violations(Scenario.Plan(Frequency.Weekly, 53), policy, balance: 10_000_000));
    }

    [Fact]
    public void Too_many_grace_periods_break_grace() =>
        Assert.Equal([new Violation(RuleCode.Grace, 3, 2, FigureUnit.Periods)], Violations(Scenario.Plan(Frequency.Monthly, 3, g: 3)));

    [Fact]
    public void Down_payment_above_the_lump_sum_breaks_lump_sum() =>
        Assert.Equal(
            [new Violation(RuleCode.LumpSum, 10_000, 5_000, FigureUnit.Minor)],
            Violations(Scenario.Plan(Frequency.Monthly, 3, down: 10_000), inquiry: Scenario.Inquiry(lumpSum: 5_000)));

    [Fact]
    public void Down_payment_below_its_share_of_b_minus_q_breaks_min_down_payment()
    {
        // 10 % of (100,000 − 1,000) = 9,900.
        var policy = Base with { MinDownPaymentBp = 1_000 };
        var inquiry = Scenario.Inquiry(lumpSum: 50_000);
        Assert.Equal(
            [new Violation(RuleCode.MinDownPayment, 5_000, 9_900, FigureUnit.Minor)],
            Violations(Scenario.Plan(Frequency.Monthly, 3, down: 5_000, discount: 1_000), policy, inquiry));
        Assert.Empty(Violations(Scenario.Plan(Frequency.Monthly, 3, down: 9_900, discount: 1_000), policy, inquiry));
    }

    [Fact]
    public void Settlement_that_does_not_pay_b_minus_q_breaks_settlement_amount() =>
        Assert.Equal(
            [new Violation(RuleCode.SettlementAmount, 90_000, 100_000, FigureUnit.Minor)],
            Violations(new PlanTerms(90_000, 0, Frequency.Monthly, 0, 0), inquiry: Scenario.Inquiry(lumpSum: 90_000)));

    [Fact]
    public void Plan_that_finances_nothing_breaks_nothing_financed() =>
        Assert.Equal(
            [new Violation(RuleCode.NothingFinanced, 0, 1, FigureUnit.Minor)],
            Violations(Scenario.Plan(Frequency.Monthly, 3, down: 100_000), inquiry: Scenario.Inquiry(lumpSum: 100_000)));

    [Fact]
    public void Installment_below_the_minimum_breaks_min_installment_except_for_a_single_one()
    {
        var policy = Base with { MinInstallmentMinor = 50_000 };
        Assert.Equal([new Violation(RuleCode.MinInstallment, 35_400, 50_000, FigureUnit.Minor)], Violations(Scenario.Plan(Frequency.Monthly, 3), policy, balance: 100_050));
        // A single installment is also the last: no minimum (pay day 2, so its one period is a whole month).
        Assert.Empty(Violations(Scenario.Plan(Frequency.Monthly, 1), policy, Scenario.Inquiry(payDay: PayDay.OfMonth(2)), balance: 40_000));
    }

    [Fact]
    public void Cft_above_the_cap_breaks_usury_cap_with_the_cft_in_bp()
    {
        var context = Scenario.Financing(100_000_000, Scenario.Policy(3_600, capBp: 2_552));
        var e = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12));
        var xirr = Reference.Xirr(e.FinancedMinor, [.. e.Schedule.Select(r => r.AmountMinor)], [.. e.Schedule.Select(r => r.DaysFromAsOf)]);

        Assert.Equal([new Violation(RuleCode.UsuryCap, (long)Math.Round(xirr * 10_000), 2_552, FigureUnit.BasisPoints)], e.Violations);
    }

    [Fact]
    public void Plan_costing_more_than_the_balance_breaks_person_value()
    {
        // δ = 0: U_d = B − Σ amounts = 100,050 − 106,110 = −6,060 (the hand-written table's totals).
        var policy = Policy.UncheckedForTests(Scenario.Draft() with { DebtorDiscountRateBp = 0 });
        var e = PlanEvaluator.Evaluate(Scenario.Financing(100_050, policy), Scenario.Plan(Frequency.Monthly, 3));

        Assert.Equal(-6_060, e.PersonValueMinor);
        Assert.Equal(0, e.Score);
        Assert.Equal([new Violation(RuleCode.PersonValue, -6_060, 0, FigureUnit.Minor)], e.Violations);
    }

    [Fact]
    public void Plan_worth_less_than_the_alternative_breaks_company_value()
    {
        // α = 100 % and c = 200 %: the installments are worth less to the company than the whole balance today.
        var policy = Policy.UncheckedForTests(Base with { AlternativeRecoveryBp = 10_000, CostOfCapitalBp = 20_000 });
        var e = PlanEvaluator.Evaluate(Scenario.Financing(100_050, policy), Scenario.Plan(Frequency.Monthly, 3));

        Assert.True(e.CompanyValueMinor < 0);
        Assert.Equal([new Violation(RuleCode.CompanyValue, (long)Math.Round(e.CompanyValueMinor, MidpointRounding.AwayFromZero), 0, FigureUnit.Minor)], e.Violations);
    }

    [Fact]
    public void Plan_whose_last_due_date_falls_past_the_calendar_breaks_calendar_range()
    {
        // As of 2100-09-01, monthly pay day the 10th: periods 1..4 fall in 2100 (Sep–Dec), period 5 in 2101.
        var context = Scenario.Context(
            Scenario.Account(100_000, asOf: new DateOnly(2100, 9, 1)), Scenario.Inquiry(), Scenario.Policy());

        var within = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 4));
        var beyond = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 3, g: 2));

        Assert.DoesNotContain(within.Violations, v => v.Code == RuleCode.CalendarRange);
        Assert.Equal([new Violation(RuleCode.CalendarRange, 5, 4, FigureUnit.Periods)], beyond.Violations);
    }

    [Fact]
    public void Plan_whose_growth_leaves_the_computable_range_breaks_amount_range()
    {
        // 200 % a year for 120 months: (1 + 2/12)^120 ≈ 1.1·10^8, so 10^8 minor units grow past 2^50.
        var policy = Policy.UncheckedForTests(Scenario.Draft(tnaBp: 20_000) with { MaxTermMonths = 120 });
        var e = PlanEvaluator.Evaluate(Scenario.Financing(100_000_000, policy), Scenario.Plan(Frequency.Monthly, 120));
        var limit = (long)(Math.Pow(2, 50) / Math.Pow(1 + (2.0 / 12), 120));

        Assert.Equal([new Violation(RuleCode.AmountRange, 100_000_000, limit, FigureUnit.Minor)], e.Violations);
        Assert.DoesNotContain(
            PlanEvaluator.Evaluate(Scenario.Financing(limit, policy), Scenario.Plan(Frequency.Monthly, 120)).Violations,
            v => v.Code == RuleCode.AmountRange);
    }

    [Fact]
    public void Every_rule_code_is_exercised()
    {
        // Guards this file's coverage list: a new rule code must get a test here or in its feature folder.
        Assert.Equal(17, Enum.GetValues<RuleCode>().Length);
    }
}
