namespace NegociacionOptimizer.Server.Tests.Proposals;

/// <summary>
/// Tests whose answers depend on the solver finishing within a request's time budget run alone, so that other test
/// classes neither slow them down nor are slowed down by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SolverHeavyTests
{
    public const string Name = "solver-heavy";
}
