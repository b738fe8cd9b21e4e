using System.Diagnostics;
using System.Globalization;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Optimization.Counter;
using NegociacionOptimizer.Optimization.Tests.Counter;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>
/// Runs the engine on <see cref="RandomRequests"/> one request at a time on one thread (the per-core figure), each with
/// its policy's own time limit, and prints time percentiles, the share proven and a breakdown by outcome and policy as
/// Markdown. Peak working set is reported too. The same requests with a seeded proposal each measure EvaluateProposal's
/// search: the verdict, then the acceptable plan's Pareto check or the nearest counter-offers.
/// </summary>
public static class RandomRequestRun
{
    /// <summary>Requests run before the measured ones.</summary>
    private const int WarmUpRequests = 300;

    /// <summary>Runs <paramref name="count"/> requests of seed <paramref name="seed"/> asking for <paramref name="offers"/> offers.</summary>
    public static void Run(int count, int seed, int offers)
    {
        var engine = new CpSatOfferEngine();
        Measure(count, seed, $"{offers} offers", (context, id, limit) =>
        {
            var set = engine.Generate(context, new OfferOptions(offers, limit, id), CancellationToken.None);
            var diagnosis = set.NoOfferReasons.Select(r => $"{r.Code}:{r.Value}:{r.Limit}").Concat(set.Suggestions.Select(g => $"{g.Code}:{g.Value}"));
            return new Answer(set.Outcome.ToString(), set.Offers.Count, set.Stats.OptimalProven, set.Stats.SolverCalls,
                $"offers={string.Join(',', set.Offers.Select(o => o.OfferId[..8]))} diag={string.Join(';', diagnosis)}");
        });
    }

    /// <summary>
    /// Runs <paramref name="count"/> requests of seed <paramref name="seed"/>, each with the test suite's seeded proposal
    /// (any subset of terms, values inside and outside the rules) as EvaluateProposal judges it: an acceptable proposal's
    /// Pareto check, or the nearest <paramref name="counterOffers"/> counter-offers and theirs.
    /// </summary>
    public static void RunProposals(int count, int seed, int counterOffers)
    {
        var search = new CounterOfferSearch();
        Measure(count, seed, $"a proposal each, {counterOffers} counter-offers", (context, id, limit) =>
        {
            var proposal = ProposalGenerator.Create(context, int.Parse(id[(id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture));
            if (ProposalVerdict.Judge(context, proposal).Accepted is { } plan)
            {
                var (efficient, stats) = search.CheckEfficiency(context, plan, limit, CancellationToken.None);
                return new Answer("Acceptable", 1, stats.OptimalProven, stats.SolverCalls, $"efficient={efficient}");
            }

            var set = search.Nearest(context, proposal, counterOffers, limit, CancellationToken.None);
            return new Answer("NotAcceptable", set.Offers.Count, set.Stats.OptimalProven, set.Stats.SolverCalls,
                $"counter={string.Join(';', set.Offers.Select(c => $"{c.Plan.Terms}:{c.Distance}:{c.ParetoEfficient}"))}");
        });
    }

    private static void Measure(int count, int seed, string asked, Func<NegotiationContext, string, TimeSpan, Answer> call)
    {
        var policies = RandomRequests.Policies();
        var requests = RandomRequests.Generate(count, seed);
        var rows = new List<(string Policy, string Outcome, bool Proven, double Ms, int Calls)>();
        // Warm-up on requests of another seed, then a pause, so the runtime's recompilation of hot code (on background
        // threads, charged to whichever request runs meanwhile) is over before the measured requests, as on a server that
        // has been running: one warm-up request left it to the first few dozen, which then took up to 3× their time.
        foreach (var (policyId, request) in RandomRequests.Generate(WarmUpRequests, seed + 1))
        {
            call(RandomRequests.Context(request, policies[policyId]), request.RequestId, TimeSpan.FromSeconds(2));
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));

        // BENCH_ONLY=id,id runs only those requests; BENCH_LIMIT_MS overrides every policy's time limit; BENCH_CPU=1
        // reports the process's CPU time per request instead of wall time (a fairer figure on a busy machine).
        var only = Environment.GetEnvironmentVariable("BENCH_ONLY")?.Split(',').ToHashSet(StringComparer.Ordinal);
        var limit = Environment.GetEnvironmentVariable("BENCH_LIMIT_MS") is { } limitMs ? TimeSpan.FromMilliseconds(int.Parse(limitMs, CultureInfo.InvariantCulture)) : (TimeSpan?)null;
        var cpu = Environment.GetEnvironmentVariable("BENCH_CPU") is not null;
        using var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        foreach (var (policyId, request) in requests)
        {
            if (only is not null && !only.Contains(request.RequestId))
            {
                continue;
            }

            var policy = policies[policyId];
            var context = RandomRequests.Context(request, policy);
            var watch = Stopwatch.StartNew();
            var cpuBefore = process.TotalProcessorTime;
            var answer = call(context, request.RequestId, limit ?? TimeSpan.FromMilliseconds(policy.SolveTimeLimitMs));
            process.Refresh();
            var ms = cpu ? (process.TotalProcessorTime - cpuBefore).TotalMilliseconds : watch.Elapsed.TotalMilliseconds;
            rows.Add((policyId, answer.Outcome, answer.Proven, ms, answer.Calls));
            if (Environment.GetEnvironmentVariable("BENCH_TRACE") is not null)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{request.RequestId} {policyId} {answer.Outcome} offers={answer.Offers} proven={answer.Proven} ms={ms:F1} calls={answer.Calls} {answer.Detail}"));
            }
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count:N0} random valid requests (seed {seed}, {asked}, one thread, {(cpu ? "CPU" : "wall")} ms), wall {wall.Elapsed.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / 1048576} MiB"));
        Console.WriteLine();
        Console.WriteLine("| requests | n | proven | p50 ms | p90 ms | p99 ms | max ms | mean solves |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Line("all", rows);
        foreach (var outcome in rows.Select(r => r.Outcome).Distinct().Order(StringComparer.Ordinal))
        {
            Line($"outcome {outcome}", [.. rows.Where(r => r.Outcome == outcome)]);
        }

        foreach (var policy in rows.Select(r => r.Policy).Distinct().Order(StringComparer.Ordinal))
        {
            Line($"policy {policy}", [.. rows.Where(r => r.Policy == policy)]);
        }
    }

    private static void Line(string name, List<(string Policy, string Outcome, bool Proven, double Ms, int Calls)> rows)
    {
        var times = rows.Select(r => r.Ms).Order().ToArray();
        double At(double q) => times[Math.Min(times.Length - 1, (int)Math.Floor(q * times.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rows.Count} | {100.0 * rows.Count(r => r.Proven) / rows.Count:F1} % | {At(0.5):F1} | {At(0.9):F1} | {At(0.99):F1} | {times[^1]:F1} | {rows.Average(r => r.Calls):F1} |"));
    }

    /// <summary>One measured call: its outcome, offers, proof, solver calls and the trace's detail.</summary>
    private sealed record Answer(string Outcome, int Offers, bool Proven, int Calls, string Detail);
}
