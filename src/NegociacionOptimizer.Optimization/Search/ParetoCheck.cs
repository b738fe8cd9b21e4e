using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// Whether a feasible plan dominates a given one: CP-SAT looks for plans whose values reach the given ones (less the
/// model's margin), each candidate is checked exactly and excluded if it does not dominate, until one does or CP-SAT
/// proves there is none.
/// </summary>
internal static class ParetoCheck
{
    private const int MaxIterations = 40;

    /// <summary>A dominating plan, or null; and whether the answer is proven.</summary>
    public static (PlanEvaluation? Dominator, bool Proven) FindDominator(PlanSpace space, PlanEvaluation plan, SolveBudget budget)
    {
        if (budget.IsSpent)
        {
            return (null, false);
        }

        // A dominator reaches both values, so a piece whose relaxation cannot reach either holds none.
        var model = new OfferModel(space, _ => true, includeSettlement: true, keep: (region, margin) =>
            region.Max(1, 0) >= plan.CompanyValueMinor - margin && region.Max(0, 1) >= plan.PersonValueMinor - margin);
        var margin = space.MaxInstallments + 2.0 + model.ValueError;
        model.Model.Add(model.CompanyValue >= (long)Math.Floor(plan.CompanyValueMinor - margin));
        model.Model.Add(model.PersonValue >= (long)Math.Floor(plan.PersonValueMinor - margin));
        model.Model.Maximize(model.CompanyValue + model.PersonValue);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (status, solver) = budget.Solve(model.Model);
            if (status == CpSolverStatus.Infeasible)
            {
                return (null, true);
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return (null, false);
            }

            var terms = model.Decode(solver);
            var candidate = PlanEvaluator.Evaluate(space.Context, terms, detail: false);
            if (candidate.IsFeasible && Dominance.Dominates(candidate, plan))
            {
                return (candidate, true);
            }

            model.Exclude(terms);
        }

        return (null, false);
    }
}
