using BenchmarkDotNet.Attributes;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>
/// How the cost grows as the amount grid is refined (rounding unit = amount step = B / <see cref="StepsPerBalance"/>,
/// 0 meaning one minor unit): the CP-SAT engine against the exhaustive reference on the same grid. The instance is the
/// forgot-to-pay sample (a large lump sum and fee and interest discounts give a real two-dimensional grid) under the built-in policy restricted to
/// monthly plans of up to 6 months and one grace period, so the reference stays computable at the coarser levels.
/// </summary>
[MemoryDiagnoser]
public class GridScalingBenchmarks
{
    private readonly CpSatOfferEngine _engine = new();
    private NegotiationContext _context = null!;

    /// <summary>Grid steps per balance; 0 = one minor unit (not benchmarked: it runs into the time limit, see docs/PERFORMANCE.md).</summary>
    [Params(100, 300, 1_000, 10_000, 100_000)]
    public int StepsPerBalance { get; set; }

    /// <summary>Builds the instance at the grid level.</summary>
    [GlobalSetup]
    public void Setup() => _context = Instance(StepsPerBalance);

    /// <summary>The engine's ranked set (5 offers).</summary>
    [Benchmark]
    public int Engine() =>
        _engine.Generate(_context, new OfferOptions(5, TimeSpan.FromMinutes(5), "bench"), CancellationToken.None).Offers.Count;

    /// <summary>The instance at a grid level.</summary>
    public static NegotiationContext Instance(int stepsPerBalance)
    {
        var sample = SampleRequests.Load("forgot-to-pay");
        var step = stepsPerBalance == 0 ? 1 : Math.Max(1, sample.BalanceMinor / stepsPerBalance);
        var policy = sample.Policy with
        {
            MaxTermMonths = 6,
            MaxGracePeriods = 1,
            AllowedFrequencies = [Frequency.Monthly],
            RoundingUnitMinor = step,
            AmountStepMinor = step,
            MinInstallmentMinor = 0,
        };
        return new NegotiationContext(sample.Account, sample.Inquiry, policy, sample.Calendar);
    }
}
