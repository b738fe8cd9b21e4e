using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>A plan CP-SAT proposed, with its exact evaluation and the solve that found it.</summary>
/// <param name="Terms">The plan's terms, decoded from the model.</param>
/// <param name="Evaluation">The exact evaluation (without detail).</param>
/// <param name="Solver">The solve (for its objective value).</param>
/// <param name="Status">The solve's status: Optimal or Feasible.</param>
internal sealed record Candidate(PlanTerms Terms, PlanEvaluation Evaluation, CpSolver Solver, CpSolverStatus Status);
