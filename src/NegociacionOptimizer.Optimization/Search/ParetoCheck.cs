using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// Whether a feasible plan dominates a given one: CP-SAT looks for plans whose values reach the given ones (less the
/// model's margin), each candidate is checked exactly and excluded if it does not dominate, until one does or CP-SAT
/// proves there is none. Any dominator settles the question, so the model has no objective: proving a best dominator
/// took seconds where finding one takes milliseconds.
/// </summary>
internal static class ParetoCheck
{
    private const int MaxIterations = 40;

    /// <summary>Deterministic-time cap of each solve that strengthens a dominator (about 50–100 ms of one core here).</summary>
    private const double StrengthenEffort = 0.05;

    /// <summary>Plans that dominate <paramref name="plan"/> (none when it is efficient); and whether the answer is proven.</summary>
    /// <param name="space">The plan space.</param>
    /// <param name="plan">The plan checked.</param>
    /// <param name="budget">The request's budget.</param>
    /// <param name="strengthen">
    /// Spend the small deterministic effort of <see cref="Strengthen"/> on a dominator further out: worth it only when a
    /// fill will use the dominator to narrow its scope.
    /// </param>
    /// <param name="scopes">
    /// Where a dominator may lie, as parts searched one after the other (structures, and whether the settlement is in),
    /// null for the whole space. A dominator has a higher N, so a caller that proved the best N of a class no higher
    /// than the plan's leaves the class out; and a few small models prove far faster than one over all the classes
    /// (CP-SAT's cost per branch grows with the model: 100–300 ms for one model of 1,100 variables).
    /// </param>
    public static (IReadOnlyList<PlanEvaluation> Dominators, bool Proven) FindDominators(
        PlanSpace space, PlanEvaluation plan, SolveBudget budget, bool strengthen = false,
        IEnumerable<(Func<PlanStructure, bool> InScope, bool Settlement)>? scopes = null)
    {
        var proven = true;
        foreach (var (inScope, settlement) in scopes ?? [(_ => true, true)])
        {
            if (budget.IsSpent)
            {
                return ([], false);
            }

            // A dominator reaches both values at once, so a piece whose relaxation cannot holds none.
            var model = new OfferModel(space, inScope, settlement, keep: (region, margin) =>
                region.CanReachBoth(plan.CompanyValueMinor - margin, plan.PersonValueMinor - margin));
            if (model.IsEmpty)
            {
                continue;
            }

            model.Model.Add(model.CompanyValue >= (long)Math.Floor(plan.CompanyValueMinor - model.Margin));
            model.Model.Add(model.PersonValue >= (long)Math.Floor(plan.PersonValueMinor - model.Margin));
            PlanEvaluation? dominator = null;
            var end = SolveLoop.Run(space, budget, MaxIterations, () => model, candidate =>
            {
                if (candidate.Evaluation.IsFeasible && Dominance.Dominates(candidate.Evaluation, plan))
                {
                    dominator = candidate.Evaluation;
                    return Next.Stop;
                }

                return Next.Exclude;
            });
            if (end == LoopEnd.Stopped)
            {
                return (strengthen ? Strengthen(space, model, plan, dominator!, budget) : [dominator!], true);
            }

            proven &= end == LoopEnd.Exhausted;
        }

        return ([], proven);
    }

    /// <summary>
    /// Dominators further out on the frontier: the highest U_c and the highest U_d that CP-SAT finds, each within a small
    /// deterministic effort, among the plans that dominate <paramref name="plan"/> (or <paramref name="found"/>). The fill
    /// excludes what the dominators dominate; its candidates walk along a frontier one grid step at a time while each is
    /// dominated by another plan, and the extremes cover every candidate between them and the plan at once.
    /// </summary>
    private static List<PlanEvaluation> Strengthen(PlanSpace space, OfferModel model, PlanEvaluation plan, PlanEvaluation found, SolveBudget budget)
    {
        var dominators = new List<PlanEvaluation> { found };
        foreach (var objective in new[] { (LinearExpr)model.CompanyValue, model.PersonValue })
        {
            model.Model.Maximize(objective);
            var (status, solver) = budget.Solve(model.Model, effort: StrengthenEffort);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                continue;
            }

            var candidate = PlanEvaluator.Evaluate(space.Context, model.Decode(solver), detail: false);
            if (candidate.IsFeasible && Dominance.Dominates(candidate, plan) && !dominators.Any(d => d.Terms == candidate.Terms))
            {
                dominators.Add(candidate);
            }
        }

        return dominators;
    }
}
