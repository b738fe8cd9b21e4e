namespace NegociacionOptimizer.Domain.Offers;

/// <summary>How a search went.</summary>
/// <param name="OptimalProven">True when every returned figure is proven best for its role.</param>
/// <param name="Elapsed">Wall time of the search.</param>
/// <param name="SolverCalls">CP-SAT solves made.</param>
public sealed record SolveStats(bool OptimalProven, TimeSpan Elapsed, int SolverCalls);
