using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>
/// The engine against the rule-based offer matrix on a seeded synthetic portfolio under the built-in policy: share of
/// accounts with an offer, mean E[NPV], U_d, N and recovery of the best offer (rank 1 for the engine, highest N of the
/// matrix), plus the engine's time. Prints a Markdown table.
/// </summary>
public static class PortfolioComparison
{
    /// <summary>Runs the comparison on <paramref name="accounts"/> accounts with a per-account time limit.</summary>
    public static void Run(int accounts, int seed, TimeSpan timeLimit)
    {
        var policy = PolicyDefaults.BuiltIn;
        var calendar = BusinessCalendars.Get(policy.Country);
        var portfolio = SyntheticPortfolio.Generate(accounts, seed, Currency.FromCode("COP"), new DateOnly(2026, 11, 22));
        var engine = new CpSatOfferEngine();
        var engineBest = new ConcurrentBag<(PlanEvaluation? Plan, bool Proven, double Ms)>();
        var baselineBest = new ConcurrentBag<PlanEvaluation?>();
        var clock = Stopwatch.StartNew();
        var done = 0;
        Parallel.ForEach(portfolio, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            var context = new NegotiationContext(item.Account, item.Inquiry, policy, calendar);
            var watch = Stopwatch.StartNew();
            var set = engine.Generate(context, new OfferOptions(1, timeLimit, item.AccountId), CancellationToken.None);
            engineBest.Add((set.Offers.Count > 0 ? set.Offers[0].Plan : null, set.Stats.OptimalProven, watch.Elapsed.TotalMilliseconds));
            var matrix = RuleBasedOfferMatrix.Offers(context);
            baselineBest.Add(matrix.Count > 0 ? matrix[0] : null);
            if (Interlocked.Increment(ref done) % 500 == 0)
            {
                Console.Error.WriteLine($"{done}/{accounts} accounts, {clock.Elapsed.TotalSeconds:F0} s");
            }
        });

        var review = portfolio.Count(a => a.Inquiry.Reason.RequiresReview());
        var times = engineBest.Select(e => e.Ms).Order().ToArray();
        Console.WriteLine($"Synthetic portfolio: {accounts:N0} accounts (seed {seed}, COP, built-in policy), {review:N0} disputes/fraud claims (no offers by rule).");
        Console.WriteLine($"Engine time per account: mean {times.Average():F0} ms, p50 {times[times.Length / 2]:F0} ms, p95 {times[(int)(times.Length * 0.95)]:F0} ms; not proven optimal: {engineBest.Count(e => !e.Proven)}; wall {clock.Elapsed.TotalMinutes:F1} min on {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| | accounts with an offer | mean E[NPV] of best offer | mean recovery ratio | mean U_d | mean N |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Row("CP-SAT engine", [.. engineBest.Select(e => e.Plan)], accounts);
        Row("rule-based matrix", [.. baselineBest], accounts);
    }

    private static void Row(string name, PlanEvaluation?[] best, int accounts)
    {
        var offered = best.Where(p => p is not null).Cast<PlanEvaluation>().ToArray();
        // Means over all accounts, counting an account without an offer as 0 (nothing agreed, nothing gained).
        double Mean(Func<PlanEvaluation, double> f) => offered.Sum(f) / accounts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {offered.Length:N0} ({100.0 * offered.Length / accounts:F1} %) | {Mean(p => p.ExpectedNpvMinor) / 100:N0} COP | {offered.Average(p => p.RecoveryRatio):F3} | {Mean(p => p.PersonValueMinor) / 100:N0} COP | {Mean(p => p.Score) / 100:N0} |"));
    }
}
