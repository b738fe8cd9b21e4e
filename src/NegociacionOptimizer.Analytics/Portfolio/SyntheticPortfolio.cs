using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

#pragma warning disable CA5394 // synthetic data, not security: a seeded generator is the point

namespace NegociacionOptimizer.Analytics.Portfolio;

/// <summary>
/// Seeded generator of realistic portfolios: log-normal incomes and balances scaled to the currency, interest and fees
/// that grow with days past due, a reason mix with a few percent of disputes and fraud claims, income-based or only
/// stated capacity, lump sums that are often zero, mostly monthly earners. The same seed gives the same portfolio.
/// </summary>
public static class SyntheticPortfolio
{
    /// <summary>Rough median net monthly income, major units (2026); balances scale with it.</summary>
    private static readonly Dictionary<string, long> MedianIncomeMajor = new(StringComparer.Ordinal)
    {
        ["ARS"] = 1_200_000, ["BOB"] = 4_500, ["BRL"] = 3_500, ["CLP"] = 800_000, ["COP"] = 3_000_000,
        ["CRC"] = 600_000, ["DOP"] = 35_000, ["EUR"] = 2_000, ["GTQ"] = 6_000, ["HNL"] = 15_000, ["MXN"] = 15_000,
        ["NIO"] = 15_000, ["PAB"] = 1_200, ["PEN"] = 2_500, ["PYG"] = 4_000_000, ["USD"] = 3_000, ["UYU"] = 45_000,
    };

    private static readonly (Reason Reason, double Weight)[] ReasonMix =
    [
        (Reason.JobLoss, 0.20), (Reason.IncomeReduction, 0.25), (Reason.Illness, 0.10), (Reason.OverIndebtedness, 0.18),
        (Reason.Forgot, 0.12), (Reason.Other, 0.12), (Reason.Dispute, 0.02), (Reason.FraudClaim, 0.01),
    ];

    private static readonly (Frequency Frequency, double Weight)[] IncomeFrequencyMix =
        [(Frequency.Monthly, 0.70), (Frequency.Biweekly, 0.20), (Frequency.Weekly, 0.10)];

    private static readonly int[] MonthlyPayDays = [1, 5, 10, 15, 20, 25, 30];

    /// <summary>Generates <paramref name="count"/> accounts in <paramref name="currency"/> valued at <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<PortfolioAccount> Generate(int count, int seed, Currency currency, DateOnly asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var major = currency.MinorPerMajor;
        var medianIncome = (MedianIncomeMajor.TryGetValue(currency.Code, out var m) ? m : 1_000) * major;
        var random = new Random(seed);
        var accounts = new List<PortfolioAccount>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = $"ACC-{seed}-{i:D6}";
            var income = RoundTo(LogNormal(random, medianIncome, 0.6), 10 * major);
            var daysPastDue = random.Next(0, 361);
            // Principal ≈ 0.3–8 months of income; interest and fees grow as the account ages.
            var principal = Math.Max(100 * major, (long)LogNormal(random, 1.5 * income, 0.9));
            var age = daysPastDue / 360.0;
            var interest = (long)(principal * (0.02 + 0.30 * age) * (0.5 + random.NextDouble()));
            var fees = (long)(principal * 0.06 * random.NextDouble() * (0.2 + age));
            var account = new Account(id, currency, principal, interest, fees, daysPastDue, asOf);

            var incomeBased = random.NextDouble() < 0.7;
            var essential = RoundTo((long)(income * (0.40 + 0.30 * random.NextDouble())), major);
            var otherDebt = random.NextDouble() < 0.5 ? RoundTo((long)(income * 0.25 * random.NextDouble()), major) : 0;
            var disposable = Math.Max(income / 20, income - essential - otherDebt);
            long? stated = !incomeBased || random.NextDouble() < 0.3
                ? RoundTo((long)(disposable * (0.15 + 0.35 * random.NextDouble())), major)
                : null;
            var lumpSum = random.NextDouble() < 0.6 ? 0 : RoundTo((long)(account.BalanceMinor * (0.05 + 0.55 * random.NextDouble())), major);
            var frequency = Pick(random, IncomeFrequencyMix);
            var payDay = frequency == Frequency.Monthly
                ? PayDay.OfMonth(MonthlyPayDays[random.Next(MonthlyPayDays.Length)])
                : PayDay.OnWeekday(random.NextDouble() < 0.8 ? DayOfWeek.Friday : DayOfWeek.Monday);
            var inquiry = new Inquiry(
                incomeBased ? income : null,
                incomeBased ? essential : null,
                incomeBased ? otherDebt : null,
                stated,
                lumpSum,
                frequency,
                payDay,
                Pick(random, ReasonMix));
            accounts.Add(new PortfolioAccount(id, account, inquiry));
        }

        return accounts;
    }

    /// <summary>A log-normal draw with the given median and log-scale spread (Box–Muller).</summary>
    private static double LogNormal(Random random, double median, double sigma)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * z);
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] mix)
    {
        var u = random.NextDouble() * mix.Sum(m => m.Weight);
        foreach (var (value, weight) in mix)
        {
            u -= weight;
            if (u < 0)
            {
                return value;
            }
        }

        return mix[^1].Value;
    }

    private static long RoundTo(double amount, long unit) => Math.Max(unit, (long)Math.Round(amount / unit) * unit);
}
