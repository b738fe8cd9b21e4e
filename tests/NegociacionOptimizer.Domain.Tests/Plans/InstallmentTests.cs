using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

/// <summary>
/// A = F·i / (1 − (1+i)^−n), i = TNA/p, rounded up to the rounding unit (SPEC §3). Each vector carries the value of a
/// spreadsheet's =PMT(TNA/p, n, −F) (taken from 50-digit decimal arithmetic; the 1.5 %/12 vector is the textbook
/// 91,679.99 per 1,000,000) and the test recomputes it independently with <see cref="Reference.Pmt"/> in decimal.
/// </summary>
public sealed class InstallmentTests
{
    [Theory]
    // F (minor)    TNA bp  p   n    unit   =PMT(...)                      A
    [InlineData(100_000_000, 1_800, 12, 12, 100, "9167999.2906228942219819", 9_168_000)]
    [InlineData(100_000_000, 3_600, 12, 12, 100, "10046208.547296302558998", 10_046_300)]
    [InlineData(100_000_000, 6_000, 12, 12, 100, "11282541.002081539910169", 11_282_600)]
    [InlineData(50_000_000, 2_000, 52, 104, 100, "584228.07052422806589688", 584_300)]
    [InlineData(50_000_000, 4_500, 26, 26, 1, "2404431.7009582881919887", 2_404_432)]
    [InlineData(12_345_678, 3_600, 12, 1, 100, "12716048.34", 12_716_100)]
    [InlineData(100_000_000, 3_600, 12, 120, 100, "3088991.7577296860711187", 3_089_000)]
    [InlineData(300_000_000, 2_400, 52, 520, 1_000, "1523598.3891666824864590", 1_524_000)]
    [InlineData(100_000, 3_600, 12, 3, 100, "35353.036332459801352357", 35_400)]
    public void Installment_matches_spreadsheet_pmt_rounded_up(
        long financed, int tnaBp, int p, int n, long unit, string spreadsheetPmt, long expected)
    {
        var pmt = Reference.Pmt(financed, tnaBp, p, n);
        Assert.Equal(decimal.Parse(spreadsheetPmt, System.Globalization.CultureInfo.InvariantCulture), pmt, 10);
        Assert.Equal(expected, Reference.RoundUp(pmt, unit));

        var context = Scenario.Financing(financed, Scenario.Policy(tnaBp, unit));
        var profile = context.Profile(new PlanStructure((Frequency)p, n, 0));

        Assert.Equal(expected, Amortization.Installment(financed, profile, unit));
    }

    [Theory]
    // Interest-free: A = ⌈F/n⌉ to the unit. 10,000,001/3 = 3,333,333.67 → 3,333,400; 100,000/7 = 14,285.71 → 14,286.
    [InlineData(10_000_001, Frequency.Monthly, 3, 100, 3_333_400)]
    [InlineData(100_000, Frequency.Weekly, 7, 1, 14_286)]
    [InlineData(90_000, Frequency.Biweekly, 3, 100, 30_000)]
    public void Interest_free_installment_is_the_share_rounded_up(long financed, Frequency f, int n, long unit, long expected)
    {
        var context = Scenario.Financing(financed, Scenario.Policy(tnaBp: 0, roundingUnit: unit));
        Assert.Equal(expected, Amortization.Installment(financed, context.Profile(new PlanStructure(f, n, 0)), unit));
    }

    [Fact]
    public void Single_installment_that_is_a_whole_unit_is_not_pushed_up_by_float_noise()
    {
        // 100,000 at 3 % a month for one month = 103,000 exactly; a float product of 103,000.00000000001 must not add a unit.
        var context = Scenario.Financing(100_000, Scenario.Policy(tnaBp: 3_600, roundingUnit: 1));
        var profile = context.Profile(new PlanStructure(Frequency.Monthly, 1, 0));
        Assert.Equal(103_000, Amortization.Installment(100_000, profile, 1));
    }

    [Fact]
    public void Nothing_financed_or_settlement_has_no_installment()
    {
        var context = Scenario.Financing(100_000);
        Assert.Equal(0, Amortization.Installment(0, context.Profile(new PlanStructure(Frequency.Monthly, 3, 0)), 100));
        Assert.Equal(0, Amortization.Installment(100_000, context.Profile(PlanStructure.Settlement), 100));
    }

    [Fact]
    public void Evaluation_reports_the_rounded_installment_and_tna()
    {
        var context = Scenario.Financing(100_000_000, Scenario.Policy(tnaBp: 1_800));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 12));

        Assert.Equal(9_168_000, evaluation.InstallmentMinor);
        Assert.Equal(1_800, evaluation.NominalRateBp);
        Assert.Equal(9_168_000 * 12 / 12.0, evaluation.MonthlyEquivalentMinor);
    }
}
