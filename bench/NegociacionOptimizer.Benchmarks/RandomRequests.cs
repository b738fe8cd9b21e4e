using System.Globalization;
using Google.Protobuf;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>
/// Seeded random valid GenerateOffers requests spread over the three shipped policies (built-in <c>default</c>,
/// <c>co-tarjetas</c>, <c>ar-consumo</c>): every income frequency and pay-day kind, stated-capacity-only, income-only and
/// both inquiries, balances log-uniform from 10^4 to 10^9 minor units, lump sums from none to more than the balance,
/// 5 offers. The engine benchmark's workload (docs/PERFORMANCE.md, "Random valid requests").
/// </summary>
public static class RandomRequests
{
    private static readonly Reason[] OfferReasons =
        [Reason.JobLoss, Reason.IncomeReduction, Reason.Illness, Reason.OverIndebtedness, Reason.Forgot, Reason.Other];

    /// <summary>The shipped policies by id, as the server loads them.</summary>
    public static IReadOnlyDictionary<string, Domain.Policies.Policy> Policies()
    {
        var folder = Path.Combine(SampleRequests.RepositoryRoot(), "policies");
        var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
        var policies = new Dictionary<string, Domain.Policies.Policy> { ["default"] = PolicyDefaults.BuiltIn };
        foreach (var id in new[] { "co-tarjetas", "ar-consumo" })
        {
            var message = parser.Parse<Api.V1.Policy>(File.ReadAllText(Path.Combine(folder, id + ".json")));
            policies[id] = ToDomain.Policy(message, Currency.FromCode(message.Currency));
        }

        return policies;
    }

    /// <summary><paramref name="count"/> requests of seed <paramref name="seed"/>, each with the policy id it names.</summary>
    public static IReadOnlyList<(string PolicyId, GenerateOffersRequest Request)> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var ids = new[] { "default", "co-tarjetas", "ar-consumo" };
        var currencies = new Dictionary<string, string> { ["default"] = "COP", ["co-tarjetas"] = "COP", ["ar-consumo"] = "ARS" };
        var requests = new List<(string, GenerateOffersRequest)>(count);
        for (var index = 0; index < count; index++)
        {
            var policyId = ids[index % ids.Length];
            requests.Add((policyId, One(random, index, policyId, currencies[policyId])));
        }

        return requests;
    }

    /// <summary>The negotiation of <paramref name="request"/> under <paramref name="policy"/>.</summary>
    public static NegotiationContext Context(GenerateOffersRequest request, Domain.Policies.Policy policy) =>
        new(ToDomain.Account(request.Account), ToDomain.Inquiry(request.Inquiry), policy, BusinessCalendars.Get(policy.Country));

    private static GenerateOffersRequest One(Random r, int index, string policyId, string currency)
    {
        var balance = (long)Math.Round(Math.Pow(10, 4 + (5 * r.NextDouble())));
        var principal = balance * r.Next(55, 101) / 100;
        var interest = (balance - principal) * r.Next(0, 101) / 100;
        var frequency = Pick(r, [Frequency.Monthly, Frequency.Biweekly, Frequency.Weekly]);
        var monthlyIncome = Math.Max(1, (long)Math.Round(balance * Math.Pow(10, -1.5 + (1.9 * r.NextDouble()))));
        var inquiry = new Inquiry
        {
            LumpSumAvailableMinor = r.Next(5) == 0 ? 0 : (long)(balance * r.NextDouble() * 1.2),
            IncomeFrequency = frequency,
            PayDay = r.Next(4) == 0
                ? (frequency == Frequency.Monthly ? new PayDay { Weekday = (Weekday)r.Next(1, 8) } : new PayDay { DayOfMonth = r.Next(1, 32) })
                : (frequency == Frequency.Monthly ? new PayDay { DayOfMonth = r.Next(1, 32) } : new PayDay { Weekday = (Weekday)r.Next(1, 8) }),
            Reason = Pick(r, OfferReasons),
        };
        var kind = r.Next(3);
        if (kind != 0)
        {
            inquiry.MonthlyIncomeMinor = monthlyIncome;
            inquiry.MonthlyEssentialExpensesMinor = monthlyIncome * r.Next(20, 70) / 100;
            inquiry.MonthlyOtherDebtPaymentsMinor = monthlyIncome * r.Next(0, 25) / 100;
        }

        if (kind != 1)
        {
            inquiry.StatedMonthlyCapacityMinor = Math.Max(1, monthlyIncome * r.Next(5, 45) / 100);
        }

        return new GenerateOffersRequest
        {
            RequestId = $"random-{index}",
            PolicyId = policyId,
            Account = new Account
            {
                AccountId = $"RND-{index}",
                Currency = currency,
                PrincipalMinor = principal,
                InterestMinor = interest,
                FeesMinor = balance - principal - interest,
                DaysPastDue = r.Next(0, 400),
                AsOf = new DateOnly(2026, 1, 1).AddDays(r.Next(0, 700)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            Inquiry = inquiry,
            OfferCount = 5,
        };
    }

    private static T Pick<T>(Random r, T[] items) => items[r.Next(items.Length)];
}
