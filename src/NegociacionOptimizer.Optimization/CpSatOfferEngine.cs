using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;

namespace NegociacionOptimizer.Optimization;

/// <summary>
/// The offer engine of SPEC §5–§6 on OR-Tools CP-SAT. For every term class it finds the plan with the highest
/// mutual-benefit score N (proven over the whole grid of D and Q); ranks the class bests by N; fills the remaining places
/// with the best Pareto-efficient plans of other (f, n); gives a plan that starts now a place when none of those does;
/// marks each offer Pareto-efficient or not; orders the concession ladder by U_c; and, when nothing is feasible, names the
/// conflicting rules and the smallest change that would help.
/// Stateless and thread-safe: every call builds its own models and solvers.
/// </summary>
public sealed class CpSatOfferEngine : IOfferEngine
{
    /// <inheritdoc/>
    public OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken)
    {
        var budget = new SolveBudget(options.TimeLimit, cancellationToken);
        if (context.Inquiry.Reason.RequiresReview())
        {
            return new OfferSet(OfferOutcome.ReviewRequired, [], [], [], new SolveStats(true, budget.Elapsed, 0));
        }

        var space = new PlanSpace(context);
        var matrix = RuleBasedOfferMatrix.Offers(context);
        var proven = true;
        var picks = new List<(PlanEvaluation Plan, TermClass Class, bool? Efficient)>();
        var classes = new List<(TermClass Class, SearchResult Result)>();
        SearchResult? whole = null;
        if (options.OfferCount == 1)
        {
            // Only rank 1 is wanted: one search over the whole space finds it without the per-class bests.
            var best = ScoreSearch.Maximize(space, _ => true, includeSettlement: true, new DominatedSet(), matrix, budget);
            proven &= best.Proven;
            whole = best;
            if (best.Best is not null)
            {
                picks.Add((best.Best, TermClass.Of(best.Best.Terms.Structure), null));
            }
        }

        foreach (var termClass in options.OfferCount == 1 ? [] : space.TermClasses())
        {
            var result = ScoreSearch.Maximize(space, termClass.Contains, includeSettlement: termClass.IsSettlement, new DominatedSet(), matrix, budget);
            proven &= result.Proven;
            classes.Add((termClass, result));
            if (result.Best is not null)
            {
                picks.Add((result.Best, termClass, null));
            }
        }

        if (picks.Count == 0)
        {
            var (reasons, suggestions) = options.Explain
                ? Diagnosis.Explain(space, budget, options.Suggest, provenInfeasible: proven && !budget.WasCut)
                : ([], []);
            return new OfferSet(OfferOutcome.NoFeasiblePlan, [], reasons, suggestions,
                new SolveStats(proven && !budget.WasCut, budget.Elapsed, budget.Calls));
        }

        picks = [.. picks.OrderByDescending(p => p.Plan.Score).Take(options.OfferCount)];
        var dominated = new DominatedSet();
        // Only a fill reads the lines' regions, and it runs only when places are left. A pick's check stops at its first
        // dominator: strengthening it too cost up to 240 ms a request and spared the fill little, since each of the
        // fill's own candidates is strengthened.
        var fillFollows = picks.Count < options.OfferCount;
        for (var i = 0; i < picks.Count; i++)
        {
            var (found, checkedFully) = ParetoCheck.FindDominators(space, picks[i].Plan, budget, scopes: CanDominate(classes, whole, picks[i].Plan));
            proven &= checkedFully;
            picks[i] = picks[i] with { Efficient = found.Count == 0 && checkedFully };
            foreach (var plan in found.Count > 0 ? found : [picks[i].Plan])
            {
                if (fillFollows)
                {
                    dominated.AddWithLine(space, plan);
                }
                else
                {
                    dominated.Points.Add(plan);
                }
            }
        }

        proven &= Fill(space, classes, picks, options.OfferCount, dominated, budget);
        proven &= StartNow(space, classes, picks, options.OfferCount, matrix, budget);
        var offers = Rank(context, picks, options.Fingerprint);
        return new OfferSet(OfferOutcome.Offers, offers, [], [], new SolveStats(proven && !budget.WasCut, budget.Elapsed, budget.Calls));
    }

    /// <summary>
    /// Where a plan that dominates <paramref name="plan"/> can lie, class by class from the highest best N: a dominator
    /// has a higher N (w ∈ (0, 1), so N grows in both values while both are positive), so only in a class whose search
    /// did not prove its best N at or below the plan's. The rank-1 plan's check then has nothing left to search, and
    /// neither has the best of a proven search over the whole space (<paramref name="whole"/>, one offer asked). The
    /// whole space (null) when N cannot tell.
    /// </summary>
    private static (Func<PlanStructure, bool> InScope, bool Settlement)[]? CanDominate(
        IReadOnlyList<(TermClass Class, SearchResult Result)> classes, SearchResult? whole, PlanEvaluation plan)
    {
        if (plan.Score <= 0)
        {
            return null;
        }

        if (whole is not null)
        {
            return whole.Proven && whole.Best?.Score <= plan.Score ? [] : null;
        }

        return [.. classes.Where(c => !c.Result.Proven || c.Result.Best?.Score > plan.Score)
            .OrderByDescending(c => c.Result.Best?.Score ?? double.PositiveInfinity)
            .Select(c => ((Func<PlanStructure, bool>)c.Class.Contains, c.Class.IsSettlement))];
    }

    /// <summary>
    /// The best plan of a scope made of parts of the term classes, searched class by class: a class's proven best
    /// bounds every plan of any part of it (a class without a feasible plan has none), so the classes are taken from the
    /// highest bound down, each searched only for a plan that beats the best found so far, and the search stops at the
    /// first class whose bound cannot. A class whose search was not proven bounds nothing and is always searched. Each
    /// class is a small model, and most are never solved: one search over the whole scope cost up to ten times more.
    /// </summary>
    /// <param name="space">The plan space.</param>
    /// <param name="classes">Every class's proven best (their bounds).</param>
    /// <param name="inScope">The scope's structures.</param>
    /// <param name="includeSettlement">Whether the settlement is in the scope.</param>
    /// <param name="dominated">Plans known not to be efficient, out of the scope.</param>
    /// <param name="incumbents">Known feasible plans to start from.</param>
    /// <param name="budget">The request's budget.</param>
    /// <param name="known">
    /// For a scope that only ever narrows (the fill's): each class's proven best within it from an earlier call, kept
    /// while that plan is still in the scope (a class with none stays with none). Classes are then searched for their
    /// own best rather than only for a plan beating the best so far, so one dominated candidate costs the solves of its
    /// own class alone, where every class with a higher bound was searched again.
    /// </param>
    private static SearchResult BestOverClasses(
        PlanSpace space, IReadOnlyList<(TermClass Class, SearchResult Result)> classes, Func<PlanStructure, bool> inScope,
        bool includeSettlement, DominatedSet dominated, IReadOnlyList<PlanEvaluation> incumbents, SolveBudget budget,
        Dictionary<TermClass, SearchResult>? known = null)
    {
        bool Holds(PlanEvaluation plan) =>
            (plan.Terms.IsSettlement ? includeSettlement : inScope(plan.Terms.Structure)) && !dominated.Contains(plan);
        static double Bound(SearchResult result) => result.Proven ? result.Best?.Score ?? double.NegativeInfinity : double.PositiveInfinity;
        // A class's best within an earlier, wider scope bounds its best within this one.
        double Tighter(TermClass termClass, SearchResult classBest) =>
            known?.TryGetValue(termClass, out var kept) == true ? Math.Min(Bound(classBest), Bound(kept)) : Bound(classBest);
        PlanEvaluation? found = null;
        var proven = true;
        foreach (var (termClass, bound) in classes.Select(c => (c.Class, Bound: Tighter(c.Class, c.Result))).OrderByDescending(c => c.Bound))
        {
            if (bound == double.NegativeInfinity || (found is not null && bound <= found.Score))
            {
                break;
            }

            SearchResult result;
            if (known?.TryGetValue(termClass, out var kept) == true && (kept.Best is null || Holds(kept.Best)))
            {
                result = kept;
            }
            else
            {
                result = ScoreSearch.Maximize(
                    space, s => termClass.Contains(s) && inScope(s), includeSettlement && termClass.IsSettlement, dominated, incumbents,
                    budget, toBeat: known is null ? found : null);
                if (known is not null && result.Proven)
                {
                    known[termClass] = result;
                }
            }

            proven &= result.Proven;
            if (result.Best is { } better && (found is null || better.Score > found.Score))
            {
                found = better;
            }
        }

        return new SearchResult(found, proven);
    }

    /// <summary>
    /// Adds the best Pareto-efficient plans of (f, n) not yet used until <paramref name="count"/> offers: the best plan
    /// of the remaining scope is taken when no feasible plan dominates it; otherwise the scope is narrowed to plans its
    /// dominator does not dominate, and the search repeats. The scope starts narrowed by every plan already known
    /// (<paramref name="dominated"/>: the picks and what dominates them), since nothing they dominate can be efficient; and
    /// when a candidate is dominated, a box of its structure around it that its dominators, moved by the same offsets,
    /// dominate too (<see cref="TranslatedDominance"/>).
    /// </summary>
    private static bool Fill(
        PlanSpace space, IReadOnlyList<(TermClass Class, SearchResult Result)> classes,
        List<(PlanEvaluation Plan, TermClass Class, bool? Efficient)> picks, int count, DominatedSet dominated,
        SolveBudget budget)
    {
        var proven = true;
        var known = new Dictionary<TermClass, SearchResult>();
        while (picks.Count < count)
        {
            var used = picks.Select(p => (p.Plan.Terms.Frequency, p.Plan.Terms.Installments)).ToHashSet();
            var settlementUsed = picks.Any(p => p.Plan.Terms.IsSettlement);
            var result = BestOverClasses(
                space, classes, s => !used.Contains((s.Frequency, s.Installments)), includeSettlement: !settlementUsed, dominated, [], budget, known);
            proven &= result.Proven;
            if (result.Best is null)
            {
                return proven;
            }

            var (found, checkedFully) = ParetoCheck.FindDominators(space, result.Best, budget, strengthen: true, CanDominate(classes, null, result.Best));
            proven &= checkedFully;
            if (!checkedFully)
            {
                // Cut by the budget: the candidate's efficiency is unknown, so it is not offered as efficient.
                return false;
            }

            if (found.Count == 0)
            {
                picks.Add((result.Best, TermClass.Of(result.Best.Terms.Structure), true));
            }

            foreach (var plan in found.Append(result.Best))
            {
                dominated.AddWithLine(space, plan);
            }

            if (found.Count > 0 && TranslatedDominance.Around(space, result.Best, found) is { } box)
            {
                dominated.Boxes.Add(box);
            }
        }

        return proven;
    }

    /// <summary>
    /// The real choice of start of SPEC §5: with two places or more, when no pick starts now (a settlement, or g = 0)
    /// and a feasible plan does, the best such plan whose (f, n) no other pick has takes a free place, or else the last
    /// (lowest N) place. Returns whether that search was proven.
    /// </summary>
    private static bool StartNow(
        PlanSpace space, IReadOnlyList<(TermClass Class, SearchResult Result)> classes,
        List<(PlanEvaluation Plan, TermClass Class, bool? Efficient)> picks, int count, IReadOnlyList<PlanEvaluation> matrix,
        SolveBudget budget)
    {
        if (count < 2 || picks.Any(p => p.Plan.Terms.StartsNow))
        {
            return true;
        }

        var kept = picks.Count < count ? picks : [.. picks.OrderByDescending(p => p.Plan.Score).Take(picks.Count - 1)];
        var used = kept.Select(p => (p.Plan.Terms.Frequency, p.Plan.Terms.Installments)).ToHashSet();
        var result = BestOverClasses(
            space, classes, s => s.GracePeriods == 0 && !used.Contains((s.Frequency, s.Installments)), includeSettlement: true, new DominatedSet(), matrix, budget);
        if (result.Best is null)
        {
            return result.Proven;
        }

        var (found, checkedFully) = ParetoCheck.FindDominators(space, result.Best, budget, scopes: CanDominate(classes, null, result.Best));
        if (!ReferenceEquals(kept, picks))
        {
            picks.Clear();
            picks.AddRange(kept);
        }

        picks.Add((result.Best, TermClass.Of(result.Best.Terms.Structure), found.Count == 0 && checkedFully));
        return result.Proven && checkedFully;
    }

    private static RankedOffer[] Rank(NegotiationContext context, List<(PlanEvaluation Plan, TermClass Class, bool? Efficient)> picks, string fingerprint)
    {
        var ranked = picks
            .Select(p => (Plan: PlanEvaluator.Evaluate(context, p.Plan.Terms), p.Class, Efficient: p.Efficient ?? false))
            .OrderByDescending(p => p.Plan.Score)
            .ThenBy(p => p.Plan.Terms.Installments)
            .ToArray();
        var ladder = ranked
            .Select((p, index) => (p.Plan, Rank: index + 1))
            .OrderByDescending(p => p.Plan.CompanyValueMinor)
            .ThenBy(p => p.Plan.PersonValueMinor)
            .ThenBy(p => p.Rank)
            .Select((p, position) => (p.Rank, Position: position + 1))
            .ToDictionary(p => p.Rank, p => p.Position);
        return [.. ranked.Select((p, index) => new RankedOffer(
            OfferIds.Of(fingerprint, p.Plan.Terms),
            index + 1,
            ladder[index + 1],
            p.Plan,
            p.Efficient,
            p.Class,
            BindingConstraints.Of(context, p.Plan)))];
    }
}
