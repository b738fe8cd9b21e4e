namespace NegociacionOptimizer.Operations.Tests.Metrics;

/// <summary>
/// OpenTelemetry listens to every meter of a name in the process, so a scrape also shows the instruments of other test
/// servers running at the same moment (a held solve elsewhere reads as one running here): tests that read exact values
/// run alone, in this collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideInstruments
{
    public const string Name = "process-wide instruments";
}
