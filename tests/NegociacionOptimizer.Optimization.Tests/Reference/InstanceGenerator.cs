using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Optimization.Tests.Reference;

/// <summary>
/// Seeded random negotiations small enough to enumerate: coarse amount grids (≈ 8–16 steps over the balance), short
/// terms, all frequencies, grace, settlements, tight and loose capacity, and some with no feasible plan at all.
/// </summary>
internal static class InstanceGenerator
{
    private static readonly Reason[] Reasons =
        [Reason.JobLoss, Reason.IncomeReduction, Reason.Illness, Reason.OverIndebtedness, Reason.Forgot, Reason.Other];

    public static NegotiationContext Create(int seed) => CreateOnGrid(seed, null);

    /// <param name="seed">The instance.</param>
    /// <param name="gridSteps">
    /// Amount steps over the balance instead of the coarse 8–16: the same instance on a fine grid, for checks that
    /// enumerate one line of it rather than the whole grid.
    /// </param>
    public static NegotiationContext CreateOnGrid(int seed, long? gridSteps)
    {
        var random = new Random(seed);
        var currency = Currency.FromCode("COP");
        var principal = random.NextInt64(50_000, 3_000_000) * 100;
        var interest = principal * random.Next(0, 40) / 100;
        var fees = principal * random.Next(0, 15) / 100;
        var balance = principal + interest + fees;
        var asOf = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 700));
        var account = new Account($"acct-{seed}", currency, principal, interest, fees, random.Next(0, 240), asOf);

        var incomeFrequency = FrequencyExtensions.All[random.Next(3)];
        var payDay = incomeFrequency == Frequency.Monthly
            ? PayDay.OfMonth(random.Next(1, 32))
            : PayDay.OnWeekday((DayOfWeek)random.Next(0, 7));
        var tight = random.Next(6) == 0;
        var income = balance * random.Next(tight ? 2 : 20, tight ? 12 : 150) / 100;
        var stated = random.Next(3) == 0 ? income * random.Next(5, 40) / 100 : (long?)null;
        var lump = random.Next(4) == 0 ? 0 : balance * random.Next(0, 110) / 100;
        var inquiry = new Inquiry(income, income * random.Next(0, 50) / 100, income * random.Next(0, 20) / 100, stated,
            lump, incomeFrequency, payDay, Reasons[random.Next(Reasons.Length)]);

        var coarseSteps = random.Next(8, 17);
        var step = Math.Max(100, balance / (gridSteps ?? coarseSteps) / 100 * 100);
        var rounding = random.Next(2) == 0 ? step : Math.Max(100, step / 10 / 100 * 100);
        var policy = Policy.Create(PolicyDefaults.Draft(currency) with {
            Id = "generated",
            Country = BusinessCalendars.SupportedCountries[random.Next(BusinessCalendars.SupportedCountries.Count)],
            MaxTermMonths = random.Next(2, 13),
            MaxGracePeriods = random.Next(0, 3),
            AllowedFrequencies = random.Next(3) == 0 ? [Frequency.Monthly] : FrequencyExtensions.All,
            RoundingUnitMinor = rounding,
            AmountStepMinor = step,
            MinInstallmentMinor = random.Next(3) == 0 ? balance * random.Next(1, 20) / 100 : 0,
            MinDownPaymentBp = random.Next(3) == 0 ? random.Next(500, 2_000) : 0,
            MaxDiscountInterestBp = random.Next(0, 10_001),
            NominalAnnualRate = random.Next(4) == 0 ? [] : [new RateTier(6, random.Next(0, 3_000)), new RateTier(120, random.Next(0, 3_500))],
            MaxEffectiveAnnualRateBp = random.Next(1_500, 4_000),
            CostOfCapitalBp = random.Next(500, 3_500),
            AlternativeRecoveryBp = random.Next(500, 4_000),
            DebtorDiscountRateBp = random.Next(500, 9_000),
            MaxBurdenBp = random.Next(1_500, 5_000),
            CompanyWeightBp = random.Next(2_000, 8_001),
        });
        return new NegotiationContext(account, inquiry, policy, BusinessCalendars.Get(policy.Country));
    }
}
