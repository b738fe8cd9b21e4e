using CsCheck;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;
using NegociacionOptimizer.Domain.Valuation;

namespace NegociacionOptimizer.Domain.Tests.Properties;

/// <summary>Invariants of SPEC §3–§4 over seeded random plans (see <see cref="Seeded"/>).</summary>
public sealed class PlanProperties
{
    private static readonly Gen<Frequency> Frequencies = Gen.OneOf(Frequency.Monthly, Frequency.Biweekly, Frequency.Weekly);
    private static readonly Gen<int> Rates = Gen.OneOf(0, 1_200, 1_800, 3_600, 6_000, 12_000);
    private static readonly Gen<long> Units = Gen.OneOf(1L, 100L, 1_000L);

    [Fact]
    public void Schedule_totals_add_up()
    {
        var gen = Gen.Select(Gen.Long[10_000, 1_000_000_000], Rates, Units, Frequencies, Gen.Int[1, 60], Gen.Int[0, 2]);
        Seeded.ForAll(gen, 300, t =>
        {
            var (financed, tna, unit, f, n, g) = t;
            var e = PlanEvaluator.Evaluate(Scenario.Financing(financed, Scenario.Policy(tna, unit)), Scenario.Plan(f, n, g));
            if (e.Violations.Any(v => v.Code == RuleCode.Rounding))
            {
                return;
            }

            Assert.Equal(n, e.Schedule.Count);
            Assert.Equal(financed, e.Schedule.Sum(r => r.PrincipalMinor));
            Assert.Equal(financed + e.Schedule.Sum(r => r.InterestMinor), e.Schedule.Sum(r => r.AmountMinor));
            Assert.All(e.Schedule, r => Assert.True(r.RemainingBalanceMinor >= 0 && r.InterestMinor >= 0));
            Assert.All(e.Schedule.SkipLast(1), r => Assert.Equal(e.InstallmentMinor, r.AmountMinor));
            Assert.Equal(0, e.Schedule[^1].RemainingBalanceMinor);
            Assert.Equal(0, e.InstallmentMinor % unit);
        });
    }

    [Fact]
    public void Larger_discount_never_raises_the_installment()
    {
        var gen = Gen.Select(Gen.Long[10_000, 1_000_000_000], Gen.Long[0, 100_000_000], Rates, Units, Frequencies, Gen.Int[1, 120]);
        Seeded.ForAll(gen, 500, t =>
        {
            var (financed, extraDiscount, tna, unit, f, n) = t;
            var profile = Scenario.Financing(financed, Scenario.Policy(tna, unit)).Profile(new PlanStructure(f, n, 0));
            var smaller = Math.Max(0, financed - extraDiscount);
            Assert.True(Amortization.Installment(smaller, profile, unit) <= Amortization.Installment(financed, profile, unit));
        });
    }

    [Fact]
    public void More_installments_never_raise_the_installment_at_the_same_rate_tier()
    {
        var gen = Gen.Select(Gen.Long[10_000, 1_000_000_000], Rates, Units, Frequencies, Gen.Int[1, 200]);
        Seeded.ForAll(gen, 500, t =>
        {
            var (financed, tna, unit, f, n) = t;
            var context = Scenario.Financing(financed, Scenario.Policy(tna, unit));
            var shorter = context.Profile(new PlanStructure(f, n, 0));
            var longer = context.Profile(new PlanStructure(f, n + 1, 0));
            Assert.Equal(shorter.NominalRateBp, longer.NominalRateBp);
            Assert.True(Amortization.Installment(financed, longer, unit) <= Amortization.Installment(financed, shorter, unit));
        });
    }

    [Fact]
    public void Cft_within_the_cap_exactly_when_the_check_passes()
    {
        var gen = Gen.Select(Gen.Long[100_000, 1_000_000_000], Gen.OneOf(600, 1_800, 3_600, 9_000, 30_000), Frequencies, Gen.Int[1, 60], Gen.Double[0.0, 20.0]);
        Seeded.ForAll(gen, 300, t =>
        {
            var (financed, tna, f, n, cap) = t;
            var e = PlanEvaluator.Evaluate(Scenario.Financing(financed, Scenario.Policy(tna, 1)), Scenario.Plan(f, n));
            long[] amounts = [.. e.Schedule.Select(r => r.AmountMinor)];
            int[] days = [.. e.Schedule.Select(r => r.DaysFromAsOf)];
            var cft = EffectiveAnnualCost.Solve(financed, amounts, days);

            Assert.Equal(cft <= cap, EffectiveAnnualCost.IsWithin(cap, financed, amounts, days));
        });
    }

    [Fact]
    public void Person_value_grows_with_the_discount_at_fixed_down_payment_and_term()
    {
        // δ = 60 % is above every TNA drawn here, so a smaller financed amount is always worth more to the person.
        var gen = Gen.Select(Gen.Long[1_000, 500_000], Gen.Long[1, 200_000], Gen.OneOf(0, 1_800, 3_600), Units, Frequencies, Gen.Int[1, 36]);
        Seeded.ForAll(gen, 300, t =>
        {
            var (q, extra, tna, unit, f, n) = t;
            var context = Scenario.Context(Scenario.Account(10_000_000), Scenario.Inquiry(lumpSum: 0), Scenario.Policy(tna, unit));
            var less = PlanEvaluator.Evaluate(context, Scenario.Plan(f, n, discount: q), detail: false);
            var more = PlanEvaluator.Evaluate(context, Scenario.Plan(f, n, discount: q + extra), detail: false);

            Assert.True(more.PersonValueMinor > less.PersonValueMinor, $"U_d {more.PersonValueMinor} > {less.PersonValueMinor}");
        });
    }

    [Fact]
    public void Evaluation_is_deterministic()
    {
        var gen = Gen.Select(Gen.Long[10_000, 100_000_000], Rates, Frequencies, Gen.Int[1, 60], Gen.Int[0, 2]);
        Seeded.ForAll(gen, 200, t =>
        {
            var (financed, tna, f, n, g) = t;
            var a = PlanEvaluator.Evaluate(Scenario.Financing(financed, Scenario.Policy(tna)), Scenario.Plan(f, n, g));
            var b = PlanEvaluator.Evaluate(Scenario.Financing(financed, Scenario.Policy(tna)), Scenario.Plan(f, n, g));

            Assert.Equal(a.Schedule, b.Schedule);
            Assert.Equal(a.Violations, b.Violations);
            Assert.Equal(a with { Schedule = [], Violations = [] }, b with { Schedule = [], Violations = [] });
        });
    }
}
