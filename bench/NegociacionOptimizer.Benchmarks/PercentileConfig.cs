using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>Adds the 95th percentile to the summary table.</summary>
public sealed class PercentileConfig : ManualConfig
{
    /// <summary>Adds P95.</summary>
    public PercentileConfig() => AddColumn(StatisticColumn.P95);
}
