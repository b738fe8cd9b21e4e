using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>The best plan found in a scope, and whether it is proven best.</summary>
internal sealed record SearchResult(PlanEvaluation? Best, bool Proven);

/// <summary>
/// Maximizes N = U_c^w · U_d^(1−w) over a scope with CP-SAT, exactly. N is concave and homogeneous of degree 1, so for
/// any point y every plan x with N(x) ≥ N* satisfies the tangent cut w·U_c/y_c + (1−w)·U_d/y_d ≥ N*/N(y). The loop
/// solves a linear model, evaluates the chosen plan exactly with the domain, excludes it, adds the cuts at the best
/// plan and at the chosen one, and stops when CP-SAT proves that no plan is left that could beat the best: the best is
/// then the optimum over the scope's whole grid. Cuts carry a margin for the model's centavo-level approximation, so they
/// never cut off a better plan.
/// </summary>
internal static class ScoreSearch
{
    private const int MaxIterations = 200;

    /// <summary>
    /// The best plan of the scope. <paramref name="incumbents"/> are known feasible plans (the rule-based matrix's): those
    /// inside the scope start the search as its best, so their cut prunes from the first solve and a search cut short by
    /// the time limit still returns at least the best of them.
    /// </summary>
    public static SearchResult Maximize(
        PlanSpace space, Func<PlanStructure, bool> inScope, bool includeSettlement,
        IReadOnlyList<PlanEvaluation> dominators, IReadOnlyList<PlanEvaluation> incumbents, SolveBudget budget)
    {
        if (budget.IsSpent)
        {
            // Building a model costs time too: once the budget is gone, answer with the incumbent unproven.
            return new SearchResult(BestIncumbent(incumbents, inScope, includeSettlement, dominators), false);
        }

        var model = new OfferModel(space, inScope, includeSettlement);
        if (model.IsEmpty)
        {
            return new SearchResult(null, true);
        }

        foreach (var dominator in dominators)
        {
            model.RequireNotDominatedBy(dominator.CompanyValueMinor, dominator.PersonValueMinor);
        }

        var context = space.Context;
        var w = context.CompanyWeight;
        var margin = space.MaxInstallments + 2.0 + model.ValueError;
        var objective = (model.CompanyValue * (long)Math.Round(w * 10_000)) + (model.PersonValue * (long)Math.Round((1 - w) * 10_000));
        var best = BestIncumbent(incumbents, inScope, includeSettlement, dominators);
        if (best is not null)
        {
            model.Exclude(best.Terms);
            if (best.Score > 0)
            {
                AddCut(model, space, best, best.Score, w, margin);
                objective = Tangent(model, best, w);
            }
        }

        var positiveRequired = false;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            model.Model.Maximize(objective);
            var (status, solver) = budget.Solve(model.Model);
            if (status == CpSolverStatus.Infeasible)
            {
                return new SearchResult(best, true);
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return new SearchResult(best, false);
            }

            var terms = model.Decode(solver);
            var evaluation = PlanEvaluator.Evaluate(context, terms, detail: false);
            model.Exclude(terms);
            if (!evaluation.IsFeasible)
            {
                continue;
            }

            if (best is null || evaluation.Score > best.Score)
            {
                best = evaluation;
            }

            if (best.Score <= 0)
            {
                if (!positiveRequired)
                {
                    model.Model.Add(model.PersonValue >= 1);
                    positiveRequired = true;
                }

                continue;
            }

            AddCut(model, space, best, best.Score, w, margin);
            if (!ReferenceEquals(evaluation, best) && evaluation.Score > 0)
            {
                AddCut(model, space, evaluation, best.Score, w, margin);
            }

            objective = Tangent(model, best, w);
        }

        return new SearchResult(best, false);
    }

    /// <summary>The best incumbent inside the scope that no known dominator dominates.</summary>
    private static PlanEvaluation? BestIncumbent(
        IReadOnlyList<PlanEvaluation> incumbents, Func<PlanStructure, bool> inScope, bool includeSettlement,
        IReadOnlyList<PlanEvaluation> dominators)
    {
        PlanEvaluation? best = null;
        foreach (var incumbent in incumbents)
        {
            var terms = incumbent.Terms;
            if ((terms.IsSettlement ? includeSettlement : inScope(terms.Structure))
                && !dominators.Any(d => Dominance.Dominates(d, incumbent))
                && (best is null || incumbent.Score > best.Score))
            {
                best = incumbent;
            }
        }

        return best;
    }

    /// <summary>
    /// The tangent of N at the best plan, w/y_c·UC + (1−w)/y_d·UD, with coefficients scaled to at most 2^20: the objective
    /// only steers the search toward better plans (the cuts carry the exactness), and small coefficients keep each
    /// CP-SAT solve's optimality proof short.
    /// </summary>
    private static LinearExpr Tangent(OfferModel model, PlanEvaluation at, double w)
    {
        var perCompany = w / at.CompanyValueMinor;
        var perPerson = (1 - w) / at.PersonValueMinor;
        var scale = (1 << 20) / Math.Max(perCompany, perPerson);
        return (model.CompanyValue * Math.Max(1, (long)Math.Round(scale * perCompany)))
            + (model.PersonValue * Math.Max(1, (long)Math.Round(scale * perPerson)));
    }

    /// <summary>Adds w·UC/y_c + (1−w)·UD/y_d ≥ level/N(y) − margin, scaled to integers.</summary>
    private static void AddCut(OfferModel model, PlanSpace space, PlanEvaluation at, double level, double w, double margin)
    {
        var perCompany = w / at.CompanyValueMinor;
        var perPerson = (1 - w) / at.PersonValueMinor;
        var scale = Math.Pow(2, 50) / (space.Balance * Math.Max(perCompany, perPerson));
        var a1 = (long)Math.Ceiling(scale * perCompany);
        var a2 = (long)Math.Ceiling(scale * perPerson);
        var rhs = Math.Floor((scale * level / at.Score) - ((a1 + a2) * margin)) - 1;
        model.Model.Add((model.CompanyValue * a1) + (model.PersonValue * a2) >= (long)rhs);
    }
}
