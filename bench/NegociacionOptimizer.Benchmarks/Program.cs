using System.Globalization;
using BenchmarkDotNet.Running;
using NegociacionOptimizer.Benchmarks;

// `portfolio [accounts] [seed] [time-limit-ms]`: the engine-vs-baseline comparison; `random [count] [seed] [offers]`:
// the engine on seeded random valid requests; `proposals [count] [seed] [counter-offers]`: EvaluateProposal's search on
// the same requests, a seeded proposal each; `random-export <count> <seed> <folder>`: those requests as JSON files, for
// the load client's mixed runs; anything else: BenchmarkDotNet.
if (args.Length > 0 && args[0] == "portfolio")
{
    var accounts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
    var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2026;
    var limit = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2_000;
    PortfolioComparison.Run(accounts, seed, TimeSpan.FromMilliseconds(limit));
    return;
}

if (args.Length > 0 && args[0] is "random" or "proposals")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    if (args[0] == "random")
    {
        RandomRequestRun.Run(Arg(1, 1_000), Arg(2, 12), offers: Arg(3, 5));
    }
    else
    {
        RandomRequestRun.RunProposals(Arg(1, 1_000), Arg(2, 12), counterOffers: Arg(3, 3));
    }

    return;
}

if (args is ["random-export", var exportCount, var exportSeed, var folder])
{
    Directory.CreateDirectory(folder);
    foreach (var (_, request) in RandomRequests.Generate(int.Parse(exportCount, CultureInfo.InvariantCulture), int.Parse(exportSeed, CultureInfo.InvariantCulture)))
    {
        File.WriteAllText(Path.Combine(folder, $"{request.RequestId}.json"), Google.Protobuf.JsonFormatter.Default.Format(request));
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PlanEvaluationBenchmarks).Assembly).Run(args);
