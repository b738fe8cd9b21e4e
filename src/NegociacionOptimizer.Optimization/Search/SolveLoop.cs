using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// The one solve–check–re-solve loop of every search (docs/ENGINE.md, "The solver loop"): CP-SAT proposes a plan on the
/// linear model, the domain evaluates it exactly, and the caller's judge decides whether the search is over or the plan
/// is cut off (and the model tightened) for another solve. The model's values are within
/// <see cref="OfferModel.Margin"/> of the exact ones, so only the exact evaluation may accept a plan.
/// </summary>
internal static class SolveLoop
{
    /// <summary>
    /// Runs until the judge stops, CP-SAT proves the model has no plan left, the budget is spent or
    /// <paramref name="maxIterations"/> solves were made.
    /// </summary>
    /// <param name="space">The plan space (its context evaluates each candidate).</param>
    /// <param name="budget">The request's budget.</param>
    /// <param name="maxIterations">The most solves.</param>
    /// <param name="model">The model to solve next (a search may rebuild it between solves); null ends the loop as
    /// <see cref="LoopEnd.Exhausted"/> (the caller knows nothing is left).</param>
    /// <param name="judge">The verdict on each candidate, exactly evaluated.</param>
    /// <param name="anySolution">Take the first plan each solve finds (<see cref="SolveBudget.Solve"/>).</param>
    public static LoopEnd Run(PlanSpace space, SolveBudget budget, int maxIterations, Func<OfferModel?> model, Func<Candidate, Next> judge, bool anySolution = false)
    {
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (model() is not { } current)
            {
                return LoopEnd.Exhausted;
            }

            var (status, solver) = budget.Solve(current.Model, anySolution: anySolution);
            if (status == CpSolverStatus.Infeasible)
            {
                return LoopEnd.Exhausted;
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return LoopEnd.Cut;
            }

            var terms = current.Decode(solver);
            var candidate = new Candidate(terms, PlanEvaluator.Evaluate(space.Context, terms, detail: false), solver, status);
            var next = judge(candidate);
            if (next == Next.Stop)
            {
                return LoopEnd.Stopped;
            }

            if (next == Next.Exclude)
            {
                current.Exclude(terms);
            }
        }

        return LoopEnd.Cut;
    }
}
