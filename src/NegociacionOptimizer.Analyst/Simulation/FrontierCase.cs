namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>The account chosen for the frontier chart, with its result under each policy.</summary>
/// <param name="Results">One result per policy, by policy index.</param>
internal sealed record FrontierCase(IReadOnlyList<AccountResult> Results);
