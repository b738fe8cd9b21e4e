using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>Requests for tests: a valid one to vary, and the sample files.</summary>
public static class Requests
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SamplesFolder => Path.Combine(RepositoryRoot, "samples", "requests");

    public static string Sample(string name) => Path.Combine(SamplesFolder, name);

    public static GenerateOffersRequest Valid() => new()
    {
        RequestId = "test-1",
        Account = new Account
        {
            AccountId = "A-1",
            Currency = "COP",
            PrincipalMinor = 200_000_000,
            InterestMinor = 10_000_000,
            FeesMinor = 5_000_000,
            DaysPastDue = 100,
            AsOf = "2026-11-20",
        },
        Inquiry = new Inquiry
        {
            MonthlyIncomeMinor = 400_000_000,
            MonthlyEssentialExpensesMinor = 200_000_000,
            MonthlyOtherDebtPaymentsMinor = 50_000_000,
            LumpSumAvailableMinor = 20_000_000,
            IncomeFrequency = Frequency.Monthly,
            PayDay = new PayDay { DayOfMonth = 10 },
            Reason = Reason.IncomeReduction,
        },
    };

    /// <summary>
    /// A sample request with a one-minute search budget, for searches a test holds (<see cref="HeldEngine"/>). The
    /// inline policy names the built-in rate tiers: without them it would be interest-free, a slower search that the
    /// tests of holding and releasing calls are not about.
    /// </summary>
    public static GenerateOffersRequest Held()
    {
        var request = FromFile("forgot-to-pay.json");
        request.Policy = new Policy { SolveTimeLimitMs = 60_000 };
        request.Policy.NominalAnnualRate.Add(new RateTier { UpToMonths = 12, NominalAnnualRateBp = 1_800 });
        request.Policy.NominalAnnualRate.Add(new RateTier { UpToMonths = 120, NominalAnnualRateBp = 2_000 });
        return request;
    }

    public static GenerateOffersRequest FromFile(string name) => OfferClient.ReadJson<GenerateOffersRequest>(Sample(name));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NegociacionOptimizer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
