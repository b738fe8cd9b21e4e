using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

/// <summary>
/// Account: principal 1,000,000, interest 200,000, fees 50,000 (B = 1,250,000), 100 days past due. Default limits: fees 100 %
/// (50,000), interest 50 % (100,000), principal by the matrix column 91–120 d: settlement 25 %, ≤ 6 installments 15 %,
/// ≤ 12 installments 5 %, longer 0 %.
/// </summary>
public sealed class DiscountSplitTests
{
    private static readonly NegotiationContext Context = Scenario.Context(
        Scenario.Account(1_000_000, 200_000, 50_000, daysPastDue: 100), Scenario.Inquiry(lumpSum: 2_000_000));

    [Theory]
    [InlineData(30_000, 30_000, 0, 0)]
    [InlineData(50_000, 50_000, 0, 0)]
    [InlineData(120_000, 50_000, 70_000, 0)]
    [InlineData(150_000, 50_000, 100_000, 0)]
    [InlineData(400_000, 50_000, 100_000, 250_000)]
    public void Discount_goes_to_fees_then_interest_then_principal(long q, long fees, long interest, long principal)
    {
        var split = Context.SplitDiscount(q);
        Assert.Equal(new DiscountSplit(fees, interest, principal), split);
        Assert.Equal(q, split.TotalMinor);
    }

    [Theory]
    [InlineData(0, 400_000)]
    [InlineData(1, 300_000)]
    [InlineData(6, 300_000)]
    [InlineData(7, 200_000)]
    [InlineData(12, 200_000)]
    [InlineData(13, 150_000)]
    public void Largest_discount_follows_the_term_tier(int installments, long expected) =>
        Assert.Equal(expected, Context.MaxDiscountMinor(installments));

    [Theory]
    [InlineData(0, 0, 1_000)]
    [InlineData(0, 90, 1_000)]
    [InlineData(0, 91, 2_500)]
    [InlineData(0, 121, 4_000)]
    [InlineData(0, 151, 5_000)]
    [InlineData(0, 900, 5_000)]
    [InlineData(6, 120, 1_500)]
    [InlineData(7, 150, 1_000)]
    [InlineData(12, 151, 1_500)]
    [InlineData(13, 151, 0)]
    public void Principal_cap_is_read_from_term_tier_and_days_past_due_bucket(int installments, int daysPastDue, int expectedBp) =>
        Assert.Equal(expectedBp, PolicyDefaults.PrincipalDiscount.CapBp(installments, daysPastDue));

    [Fact]
    public void Settlement_at_the_limit_is_accepted_and_one_more_is_a_discount_limit_violation()
    {
        var atLimit = PlanEvaluator.Evaluate(Context, PlanTerms.Settlement(1_250_000, 400_000));
        var over = PlanEvaluator.Evaluate(Context, PlanTerms.Settlement(1_250_000, 400_001));

        Assert.DoesNotContain(atLimit.Violations, v => v.Code == RuleCode.DiscountLimit);
        Assert.Equal(new DiscountSplit(50_000, 100_000, 250_000), atLimit.Discount);
        Assert.Contains(new Violation(RuleCode.DiscountLimit, 400_001, 400_000, FigureUnit.Minor), over.Violations);
    }

    [Fact]
    public void Plan_discount_is_limited_by_its_own_tier()
    {
        var sixMonths = PlanEvaluator.Evaluate(Context, Scenario.Plan(Frequency.Monthly, 6, discount: 300_000));
        var sevenMonths = PlanEvaluator.Evaluate(Context, Scenario.Plan(Frequency.Monthly, 7, discount: 300_000));

        Assert.DoesNotContain(sixMonths.Violations, v => v.Code == RuleCode.DiscountLimit);
        Assert.Contains(new Violation(RuleCode.DiscountLimit, 300_000, 200_000, FigureUnit.Minor), sevenMonths.Violations);
        Assert.Equal(950_000, sixMonths.FinancedMinor);
    }
}
