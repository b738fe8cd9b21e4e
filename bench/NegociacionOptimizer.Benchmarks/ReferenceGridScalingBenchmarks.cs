using BenchmarkDotNet.Attributes;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>The exhaustive reference on the same instances, at the levels where it finishes.</summary>
[MemoryDiagnoser]
public class ReferenceGridScalingBenchmarks
{
    private NegotiationContext _context = null!;

    /// <summary>Grid steps per balance.</summary>
    [Params(100, 300, 1_000)]
    public int StepsPerBalance { get; set; }

    /// <summary>Builds the instance at the grid level.</summary>
    [GlobalSetup]
    public void Setup() => _context = GridScalingBenchmarks.Instance(StepsPerBalance);

    /// <summary>Every plan on the grid, evaluated.</summary>
    [Benchmark]
    public int Reference() => ExhaustiveReference.FeasiblePlans(_context).Count;
}
