using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Valuation;

public sealed class PlanValueTests
{
    /// <summary>
    /// B = 100,000 (all principal), D = 10,000, Q = 0, monthly, n = 2, g = 1, TNA 12 % (i = 1 %), unit 100,
    /// c = 20 %, δ = 60 %, α = 25 %, w = 0.5, income 200,000, reason job loss, as-of Mon 2026-03-02, pay day 10.
    /// <code>
    /// F = 90,000; =PMT(1 %, 2, −90,000) = 45,674.63 → A = 45,700
    /// schedule: 1) interest 900, principal 44,800, balance 45,200; 2) interest 452, last = 45,652
    /// dates: period 2 = Fri 10 Apr (t_1 = 39); period 3 = 10 May (Sun) → Mon 11 May (t_2 = 70)
    /// burden = 45,700 / 200,000 = 0.2285 → bucket [.20, .30): 0.02 × 1.5 (job loss) = h_m = 0.03 = h (monthly)
    /// S_0 = 1;  S_1 = 0.97^(1+1) = 0.9409;  S_2 = 0.97^(1+2) = 0.912673
    /// R_1 = B − D = 90,000;  R_2 = 90,000 − 45,700 = 44,300
    /// v(39) = 1.2^(−39/365) = 0.980707593705425;  v(70) = 1.2^(−70/365) = 0.965638461756806
    /// term 1 = v(39)·[0.9409·45,700 + (1 − 0.9409)·0.25·90,000]        = 43,473.669236457
    /// term 2 = v(70)·[0.912673·45,652 + (0.9409 − 0.912673)·0.25·44,300] = 40,535.534480516
    /// E[NPV] = 10,000 + term 1 + term 2 = 94,009.203716973
    /// U_c = E[NPV] − 0.25·100,000 = 69,009.203716973
    /// PV_δ: 1.6^(−39/365) = 0.951020589916990, 1.6^(−70/365) = 0.913805361766349
    /// U_d = 100,000 − 10,000 − 0.951020589916990·45,700 − 0.913805361766349·45,652 = 4,821.316665436
    /// N = √(U_c·U_d) = 18,240.483106243
    /// </code>
    /// </summary>
    [Fact]
    public void Small_plan_with_grace_matches_the_hand_computation()
    {
        var policy = Policy.UncheckedForTests(Scenario.Draft(tnaBp: 1_200) with {
            CostOfCapitalBp = 2_000, DebtorDiscountRateBp = 6_000, AlternativeRecoveryBp = 2_500, CompanyWeightBp = 5_000,
        });
        var inquiry = Scenario.Inquiry(income: 200_000, lumpSum: 10_000, reason: Reason.JobLoss);
        var context = Scenario.Context(Scenario.Account(100_000), inquiry, policy);

        var e = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 2, g: 1, down: 10_000));

        Assert.Empty(e.Violations);
        Assert.Equal([45_700, 45_652], e.Schedule.Select(r => r.AmountMinor));
        Assert.Equal([39, 70], e.Schedule.Select(r => r.DaysFromAsOf));
        Assert.Equal(0.2285, e.Burden, 12);
        Assert.Equal(0.912673, e.CompletionProbability, 12);

        var v1 = Math.Pow(1.2, -39 / 365.0);
        var v2 = Math.Pow(1.2, -70 / 365.0);
        var expectedNpv = 10_000 + (v1 * ((0.9409 * 45_700) + ((1 - 0.9409) * 0.25 * 90_000)))
            + (v2 * ((0.912673 * 45_652) + ((0.9409 - 0.912673) * 0.25 * 44_300)));
        var expectedPerson = 90_000 - (Math.Pow(1.6, -39 / 365.0) * 45_700) - (Math.Pow(1.6, -70 / 365.0) * 45_652);

        Assert.Equal(94_009.203716973, expectedNpv, 6);
        Assert.Equal(expectedNpv, e.ExpectedNpvMinor, 6);
        Assert.Equal(69_009.203716973, e.CompanyValueMinor, 6);
        Assert.Equal(4_821.316665436, e.PersonValueMinor, 6);
        Assert.Equal(expectedPerson, e.PersonValueMinor, 6);
        Assert.Equal(18_240.483106243, e.Score, 6);
        Assert.Equal(0.94009203716973, e.RecoveryRatio, 12);
    }

    [Fact]
    public void Settlement_is_worth_its_payment_to_the_company_and_its_discount_to_the_person()
    {
        // B = 100,000, Q = 20,000 (within the 25 % settlement cap at 100 days), D = 80,000 paid today.
        var context = Scenario.Context(Scenario.Account(100_000), Scenario.Inquiry(lumpSum: 80_000));
        var e = PlanEvaluator.Evaluate(context, PlanTerms.Settlement(100_000, 20_000));

        Assert.Empty(e.Violations);
        Assert.Equal(80_000, e.ExpectedNpvMinor);
        Assert.Equal(55_000, e.CompanyValueMinor);
        Assert.Equal(20_000, e.PersonValueMinor);
        Assert.Equal(Math.Sqrt(55_000.0 * 20_000), e.Score, 9);
        Assert.Equal(1, e.CompletionProbability);
        Assert.Equal(0.8, e.RecoveryRatio);
        Assert.Equal(80_000, e.TotalToPayMinor);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    [InlineData(10, 0)]
    public void Score_is_zero_unless_both_sides_gain(double companyValue, double personValue) =>
        Assert.Equal(0, PlanEvaluator.Score(companyValue, personValue, 0.5));

    [Fact]
    public void Score_weights_the_two_sides()
    {
        Assert.Equal(Math.Pow(400, 0.75) * Math.Pow(100, 0.25), PlanEvaluator.Score(400, 100, 0.75), 9);
        Assert.Equal(200, PlanEvaluator.Score(400, 100, 0.5), 9);
    }

    [Fact]
    public void Settlement_that_pays_no_more_than_the_alternative_scores_zero()
    {
        // α = 100 %: the full balance today only matches what the company recovers without an agreement.
        var policy = Policy.UncheckedForTests(Scenario.Draft() with { AlternativeRecoveryBp = 10_000 });
        var context = Scenario.Context(Scenario.Account(100_000), Scenario.Inquiry(lumpSum: 100_000), policy);
        var e = PlanEvaluator.Evaluate(context, PlanTerms.Settlement(100_000, 0));

        Assert.Equal(0, e.CompanyValueMinor);
        Assert.Equal(0, e.Score);
        Assert.Equal([new Violation(RuleCode.CompanyValue, 0, 0, FigureUnit.Minor)], e.Violations);
    }
}
