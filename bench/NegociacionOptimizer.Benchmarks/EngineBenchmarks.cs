using BenchmarkDotNet.Attributes;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>One GenerateOffers computation (5 offers, built-in policy) on each sample request, engine only (no gRPC).</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class EngineBenchmarks
{
    private readonly CpSatOfferEngine _engine = new();
    private NegotiationContext _context = null!;

    /// <summary>The sample request.</summary>
    [ParamsSource(nameof(Requests))]
    public string Request { get; set; } = string.Empty;

    /// <summary>The sample requests.</summary>
    public static IEnumerable<string> Requests => SampleRequests.Names;

    /// <summary>Loads the request.</summary>
    [GlobalSetup]
    public void Setup() => _context = SampleRequests.Load(Request);

    /// <summary>The ranked set of 5 offers.</summary>
    [Benchmark]
    public int GenerateOffers() =>
        _engine.Generate(_context, new OfferOptions(5, TimeSpan.FromSeconds(30), "bench"), CancellationToken.None).Offers.Count;
}
