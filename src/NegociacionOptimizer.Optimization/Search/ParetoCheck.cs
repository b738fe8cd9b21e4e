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

    /// <summary>Deterministic-time cap of the solve that strengthens a dominator (about 50–100 ms of one core here).</summary>
    private const double StrengthenEffort = 0.05;

    /// <summary>A dominating plan, or null; and whether the answer is proven.</summary>
    /// <param name="space">The plan space.</param>
    /// <param name="plan">The plan checked.</param>
    /// <param name="budget">The request's budget.</param>
    /// <param name="strengthen">
    /// Spend the small deterministic effort of <see cref="Strengthen"/> on a dominator further out: worth it only when a
    /// fill will use the dominator to narrow its scope.
    /// </param>
    public static (PlanEvaluation? Dominator, bool Proven) FindDominator(PlanSpace space, PlanEvaluation plan, SolveBudget budget, bool strengthen = true)
    {
        if (budget.IsSpent)
        {
            return (null, false);
        }

        // A dominator reaches both values at once, so a piece whose relaxation cannot holds none.
        var model = new OfferModel(space, _ => true, includeSettlement: true, keep: (region, margin) =>
            region.CanReachBoth(plan.CompanyValueMinor - margin, plan.PersonValueMinor - margin));
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
        return end switch
        {
            LoopEnd.Stopped => (strengthen ? Strengthen(space, model, plan, dominator!, budget) : dominator, true),
            LoopEnd.Exhausted => (null, true),
            _ => (null, false),
        };
    }

    /// <summary>
    /// A dominator further out on the frontier (the highest U_c + U_d CP-SAT finds within a small deterministic effort),
    /// or <paramref name="found"/>: the fill excludes what the dominators dominate, so stronger ones leave it less to do.
    /// </summary>
    private static PlanEvaluation Strengthen(PlanSpace space, OfferModel model, PlanEvaluation plan, PlanEvaluation found, SolveBudget budget)
    {
        model.Model.Maximize(model.CompanyValue + model.PersonValue);
        var (status, solver) = budget.Solve(model.Model, effort: StrengthenEffort);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return found;
        }

        var candidate = PlanEvaluator.Evaluate(space.Context, model.Decode(solver), detail: false);
        return candidate.IsFeasible && Dominance.Dominates(candidate, plan)
            && candidate.CompanyValueMinor + candidate.PersonValueMinor > found.CompanyValueMinor + found.PersonValueMinor
            ? candidate
            : found;
    }
}
