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

    /// <summary>The most exact evaluations of one plateau box (<see cref="LocalSearch.Plateau"/>; a few milliseconds).</summary>
    private const int PlateauEvaluations = 2_048;

    /// <summary>The most exact evaluations of one segment of a line (<see cref="LocalSearch.Segment"/>).</summary>
    private const int SegmentEvaluations = 4_096;

    /// <summary>Tangents on each side of the best in <see cref="AddFan"/>.</summary>
    private const int FanDepth = 14;

    /// <summary>Relative slack of the score bounds against floating-point error in N's powers.</summary>
    private const double ScoreTolerance = 1e-9;

    /// <summary>
    /// The best plan of the scope. <paramref name="incumbents"/> are known feasible plans (the rule-based matrix's): those
    /// inside the scope start the search as its best, so their cut prunes from the first solve and a search cut short by
    /// the time limit still returns at least the best of them. <paramref name="toBeat"/>, a plan outside the scope,
    /// makes the search look only for a plan that beats it (its cut prunes like an incumbent's); the result is then
    /// null when none does. Plans known not to be efficient (<paramref name="dominated"/>) are out of scope.
    /// </summary>
    public static SearchResult Maximize(
        PlanSpace space, Func<PlanStructure, bool> inScope, bool includeSettlement,
        DominatedSet dominated, IReadOnlyList<PlanEvaluation> incumbents, SolveBudget budget, PlanEvaluation? toBeat = null)
    {
        if (budget.IsSpent)
        {
            // Building a model costs time too: once the budget is gone, answer with the incumbent unproven.
            var incumbent = BestIncumbent(incumbents, inScope, includeSettlement, dominated);
            return new SearchResult(incumbent is not null && incumbent.Score > (toBeat?.Score ?? double.NegativeInfinity) ? incumbent : null, false);
        }

        var context = space.Context;
        var w = context.CompanyWeight;
        var best = BestIncumbent(incumbents, inScope, includeSettlement, dominated);
        if (VertexHeuristic.Best(space, inScope, dominated.Contains) is { } guess && (best is null || guess.Score > best.Score))
        {
            best = guess;
        }

        if (best is not null)
        {
            best = LocalSearch.Climb(space, best, dominated.Contains);
        }

        if (toBeat is not null && (best is null || toBeat.Score >= best.Score))
        {
            best = toBeat;
        }

        var excluded = new List<PlanTerms>();
        var boxes = new List<DominatedBox>();
        var cutAt = new List<PlanEvaluation>();
        var rays = new List<(PlanTerms From, bool Below)>();
        var lines = new Dictionary<(PlanStructure, long), PlanEvaluation>();
        if (best is not null)
        {
            rays.AddRange(Rays(lines, best, inScope: !ReferenceEquals(best, toBeat), space));
        }

        var positiveRequired = false;
        OfferModel? model = null;
        PlanEvaluation? builtFor = null;
        LinearExpr objective = LinearExpr.Constant(0);
        OfferModel? Next()
        {
            // A better incumbent prunes more pieces: rebuild, carrying the plans already excluded (unless the budget is
            // spent: the solve then ends the loop as cut without the cost of a build).
            if (model is null || (best is not null && !ReferenceEquals(best, builtFor) && best.Score > 0 && !budget.IsSpent))
            {
                model = Build(space, inScope, includeSettlement, dominated, best, w);
                builtFor = best;
                if (model.IsEmpty)
                {
                    return null;
                }

                excluded.ForEach(model.Exclude);
                boxes.ForEach(box => LeaveOut(model, box));
                rays.ForEach(ray => model.ExcludeRay(ray.From, ray.Below));
                if (positiveRequired)
                {
                    model.Model.Add(model.PersonValue >= 1);
                }

                objective = (model.CompanyValue * (long)Math.Round(w * 10_000)) + (model.PersonValue * (long)Math.Round((1 - w) * 10_000));
                if (best is not null)
                {
                    model.Exclude(best.Terms);
                    if (best.Score > 0)
                    {
                        AddCut(model, space, best, best.Score, w);
                        cutAt.ForEach(at => AddCut(model, space, at, best.Score, w));
                        AddFan(model, space, best, w);
                        objective = Tangent(model, best, w);
                    }
                }
            }

            model.Model.Maximize(objective);
            return model;
        }

        // A plan leaves the model now and every model rebuilt after.
        void Exclude(PlanTerms terms)
        {
            model!.Exclude(terms);
            excluded.Add(terms);
        }

        // A box of plans leaves the model now and every model rebuilt after.
        void ExcludeBox(DominatedBox box)
        {
            LeaveOut(model!, box);
            boxes.Add(box);
        }

        // The rays the plan closes leave the model now and every model rebuilt after.
        void CloseRays(PlanEvaluation plan, bool planInScope)
        {
            foreach (var ray in Rays(lines, plan, planInScope, space))
            {
                rays.Add(ray);
                model!.ExcludeRay(ray.From, ray.Below);
            }
        }

        Search.Next Judge(Candidate candidate)
        {
            var current = model!;
            var evaluation = candidate.Evaluation;
            Exclude(candidate.Terms);
            if (evaluation.Score > 0)
            {
                // The cut at a plan holds at any level (N's concavity alone), so it is kept for the rebuilt models.
                cutAt.Add(evaluation);
            }

            var inScope = evaluation.IsFeasible && !dominated.Contains(evaluation);
            CloseRays(evaluation, inScope);

            if (!inScope)
            {
                // Infeasible by the exact rules, or let through by the margin of the model's dominance bounds, or in a
                // notch of a staircase: that staircase then leaves this model and every model built after.
                if (evaluation.IsFeasible && dominated.Encode(evaluation) is { } stairs)
                {
                    RequireOutside(current, stairs);
                }

                return Search.Next.Resolve;
            }

            if (best is not null && evaluation.Score <= best.Score && evaluation.Score > 0
                && LocalSearch.ClimbLine(space, evaluation, dominated.Contains) is var top && !ReferenceEquals(top, evaluation))
            {
                // A plan within the cuts' margin of the best: its line's best closes the whole line at once, where the
                // solver would walk it one step per solve.
                CloseRays(top, planInScope: true);
                if (top.Score <= best.Score)
                {
                    Exclude(top.Terms);
                }

                evaluation = top;
            }

            if (best is not null && LocalSearch.Segment(space, best, evaluation, dominated.Contains, SegmentEvaluations) is { } peak
                && peak.Score > evaluation.Score)
            {
                // On the best's line of equal D or equal Q, where the installment's rounding makes N rise and fall: the
                // solver probed the peaks between the two one per solve, so the best of them leads at once.
                evaluation = peak;
            }

            if (best is not null && evaluation.Score <= best.Score && !evaluation.Terms.IsSettlement
                && best.Score - Band(best, current.Margin, w) is var floor && evaluation.Score >= floor)
            {
                // Still no better, but within the band the cuts' margin lets through: close the band around it.
                var (box, near) = LocalSearch.Plateau(space, evaluation, floor, dominated.Contains, PlateauEvaluations);
                ExcludeBox(box);
                if (near is not null && near.Score > best.Score)
                {
                    evaluation = near;
                }
            }

            if (best is null || evaluation.Score > best.Score)
            {
                var ridge = best is null ? evaluation : LocalSearch.Ridge(space, best, evaluation, dominated.Contains);
                best = LocalSearch.Climb(space, ridge, dominated.Contains);
                CloseRays(best, planInScope: true);
            }

            if (best.Score <= 0)
            {
                if (!positiveRequired)
                {
                    current.Model.Add(current.PersonValue >= 1);
                    positiveRequired = true;
                }
            }
            else if (ReferenceEquals(best, builtFor) && evaluation.Score > 0)
            {
                AddCut(current, space, evaluation, best.Score, w);
                objective = Tangent(current, best, w);
            }

            return Search.Next.Resolve;
        }

        var end = SolveLoop.Run(space, budget, MaxIterations, Next, Judge, anySolution: true);
        return new SearchResult(ReferenceEquals(best, toBeat) ? null : best, end == LoopEnd.Exhausted);
    }

    /// <summary>
    /// The rays a plan closes on its line of equal D + Q (<see cref="OfferModel.ExcludeRay"/>). Along such a line N is
    /// quasi-concave and every rule holds on an interval (each is monotone in D there), so, with p the best plan of the
    /// scope seen on the line: past a plan worse than p or infeasible, away from p, no plan of the scope beats p; and when
    /// both of p's neighbours on the line are worse or infeasible, nothing else on the line does. <paramref name="lines"/>
    /// keeps p for each line.
    /// </summary>
    private static IEnumerable<(PlanTerms From, bool Below)> Rays(
        Dictionary<(PlanStructure, long), PlanEvaluation> lines, PlanEvaluation plan, bool inScope, PlanSpace space)
    {
        var terms = plan.Terms;
        var line = (terms.Structure, (terms.DownPaymentMinor + terms.DiscountMinor) / space.Step);
        if (lines.TryGetValue(line, out var top))
        {
            if (!plan.IsFeasible || plan.Score < top.Score)
            {
                yield return (terms, terms.DownPaymentMinor < top.Terms.DownPaymentMinor);
                yield break;
            }

            if (!inScope || plan.Score == top.Score)
            {
                yield break;
            }

            yield return (top.Terms, top.Terms.DownPaymentMinor < terms.DownPaymentMinor);
        }
        else if (!inScope || plan.Score <= 0)
        {
            yield break;
        }

        lines[line] = plan;
        foreach (var side in new[] { -1, 1 })
        {
            var neighbour = terms with
            {
                DownPaymentMinor = terms.DownPaymentMinor + (side * space.Step),
                DiscountMinor = terms.DiscountMinor - (side * space.Step),
            };
            if (neighbour.DownPaymentMinor < 0 || neighbour.DiscountMinor < 0)
            {
                continue;
            }

            var next = PlanEvaluator.Evaluate(space.Context, neighbour, detail: false);
            if (!next.IsFeasible || next.Score < plan.Score)
            {
                yield return (neighbour, side < 0);
            }
        }
    }

    /// <summary>
    /// How far below the best's N a plan may lie and still pass the cuts: each value may stray by the margin, and N moves
    /// by ∂N/∂U_c = w·N/U_c and ∂N/∂U_d = (1−w)·N/U_d per minor unit; twice that, for the cuts' own rounding.
    /// </summary>
    private static double Band(PlanEvaluation best, double margin, double w) =>
        2 * margin * best.Score * ((w / best.CompanyValueMinor) + ((1 - w) / best.PersonValueMinor));

    /// <summary>
    /// The model of the scope without the pieces that cannot hold a plan beating <paramref name="incumbent"/> (their
    /// bound of N, <see cref="PieceRegion.MaxScore"/>, is below its score) or that every plan of is dominated by one of
    /// the <paramref name="dominated"/> set's points; the set's boxes are excluded.
    /// </summary>
    private static OfferModel Build(
        PlanSpace space, Func<PlanStructure, bool> inScope, bool includeSettlement, DominatedSet dominated,
        PlanEvaluation? incumbent, double w)
    {
        var level = incumbent is { Score: > 0 } ? incumbent.Score * (1 - ScoreTolerance) : 0;
        var frontier = dominated.Frontier();
        var model = new OfferModel(space, inScope, includeSettlement, keep: (region, margin) =>
            (level == 0 || region.MaxScore(w, margin) >= level)
            && dominated.Points.All(d => Escapes(region, d, margin))
            && dominated.Lines.All(line => Escapes(region, line, margin))
            && !frontier.Covers(region.Corners(margin)));
        model.RequireAbove(frontier.Intervals, (region, margin) => frontier.Reachable(region.Corners(margin), 2 * margin));
        dominated.Boxes.ForEach(box => LeaveOut(model, box));
        dominated.Encoded.ForEach(stairs => RequireOutside(model, stairs));
        return model;
    }

    /// <summary>Leaves every plan under <paramref name="stairs"/> out of <paramref name="model"/>.</summary>
    private static void RequireOutside(OfferModel model, Staircase stairs) =>
        model.RequireOutside(stairs.Company, stairs.Person, stairs.CompanyStep, stairs.PersonStep, stairs.Last);

    /// <summary>Leaves every plan of <paramref name="box"/> out of <paramref name="model"/>.</summary>
    private static void LeaveOut(OfferModel model, DominatedBox box) =>
        model.ExcludeBox(box.Structure, box.DownLow, box.DownHigh, box.DiscountLow, box.DiscountHigh);

    /// <summary>Whether the piece can hold a plan that <paramref name="dominator"/> does not dominate: U_c or U_d above its own.</summary>
    private static bool Escapes(PieceRegion region, PlanEvaluation dominator, double margin) =>
        region.Max(1, 0) >= dominator.CompanyValueMinor + 1 - margin || region.Max(0, 1) >= dominator.PersonValueMinor + 1 - margin;

    /// <summary>Whether the piece can hold a plan whose values leave the line's region.</summary>
    private static bool Escapes(PieceRegion region, DominatedLine line, double margin) =>
        region.Max(1, 0) >= line.Company - margin || region.Max(0, 1) >= line.Person - margin
        || region.Max(line.PerCompany, line.PerPerson) >= line.Level - ((line.PerCompany + line.PerPerson) * margin);

    /// <summary>The best incumbent inside the scope that no known dominator dominates.</summary>
    private static PlanEvaluation? BestIncumbent(
        IReadOnlyList<PlanEvaluation> incumbents, Func<PlanStructure, bool> inScope, bool includeSettlement,
        DominatedSet dominated)
    {
        PlanEvaluation? best = null;
        foreach (var incumbent in incumbents)
        {
            var terms = incumbent.Terms;
            if ((terms.IsSettlement ? includeSettlement : inScope(terms.Structure))
                && !dominated.Contains(incumbent)
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

    /// <summary>
    /// Tangents to the level curve N = N(best) at points whose ratio U_d/U_c is the best's times e^(±2^−k), k = 0..13:
    /// valid cuts (every plan beating the best lies above each) that close the region around the best at once, where
    /// the cuts at each candidate alone close it one bisection step per solve. The finest pair, 0.012 % of the ratio
    /// either way, closes the plans just under the best along its level curve, which the solver returned one per solve
    /// with eight pairs (20 solves for one class of a random request).
    /// </summary>
    private static void AddFan(OfferModel model, PlanSpace space, PlanEvaluation best, double w)
    {
        for (var k = 0; k < FanDepth; k++)
        {
            foreach (var sign in new[] { -1.0, 1.0 })
            {
                // On the curve: U_c = N·ρ^−(1−w), U_d = N·ρ^w for ρ = the ratio U_d/U_c.
                var ratio = best.PersonValueMinor / best.CompanyValueMinor * Math.Exp(sign * Math.Pow(2, -k));
                AddCut(model, space, best.Score * Math.Pow(ratio, -(1 - w)), best.Score * Math.Pow(ratio, w), best.Score, best.Score, w);
            }
        }
    }

    /// <summary>Adds w·UC/y_c + (1−w)·UD/y_d ≥ level/N(y) − the model's margin, scaled to integers.</summary>
    private static void AddCut(OfferModel model, PlanSpace space, PlanEvaluation at, double level, double w) =>
        AddCut(model, space, at.CompanyValueMinor, at.PersonValueMinor, at.Score, level, w);

    private static void AddCut(OfferModel model, PlanSpace space, double company, double person, double score, double level, double w)
    {
        var margin = model.Margin;
        var perCompany = w / company;
        var perPerson = (1 - w) / person;
        var scale = Math.Pow(2, 56) / (space.Balance * Math.Max(perCompany, perPerson));
        var a1 = (long)Math.Ceiling(scale * perCompany);
        var a2 = (long)Math.Ceiling(scale * perPerson);
        var rhs = Math.Floor((scale * level / score) - ((a1 + a2) * margin)) - 1;
        model.Model.Add((model.CompanyValue * a1) + (model.PersonValue * a2) >= (long)rhs);
    }
}
