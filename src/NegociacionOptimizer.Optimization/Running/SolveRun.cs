namespace NegociacionOptimizer.Optimization.Running;

/// <summary>What a solve run by <see cref="SolveRunner"/> answered, and the time limit it had.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
/// <param name="Value">The answer.</param>
/// <param name="Limit">The time limit the search had.</param>
/// <param name="ByDeadline">Whether the caller's deadline (rather than the policy's limit) set it.</param>
public sealed record SolveRun<T>(T Value, TimeSpan Limit, bool ByDeadline);
