using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;

namespace NegociacionOptimizer.Optimization.Counter;

/// <summary>
/// The feasible plans nearest to a proposal, on CP-SAT (docs/ENGINE.md, "Counter-offers"). The offer model's feasible
/// space (every rule of SPEC §3, mutual benefit included) gets the objective <see cref="ProposalDistance.Points"/>:
/// absolute values of the yearly installment, down payment and discount against the proposed ones, and the structure's
/// constant part as coefficients on the structure literals. Each answer is evaluated exactly with
/// <see cref="PlanEvaluator"/>; a plan the exact evaluation rejects, or whose exact distance differs from the model's
/// (the installment's centavo rounding), is excluded and the search goes on. Among the plans at the minimum distance the
/// one with the highest linear mutual-benefit proxy w·U_c + (1−w)·U_d is taken. Further counter-offers exclude the
/// (frequency, n) of those found, so no two share one. The space is searched in parts (the settlement, each term class)
/// from the least distance a part's pieces allow, and pieces beyond the distance of known feasible plans of enough
/// different (f, n) are left out: neither can hold a counter-offer. Stateless and thread-safe.
/// </summary>
public sealed class CounterOfferSearch : ICounterOfferSearch
{
    private const int MaxAttempts = 40;

    /// <inheritdoc/>
    public CounterOfferSet Nearest(NegotiationContext context, ProposalTerms proposal, int count, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(proposal);
        var budget = new SolveBudget(limit, cancellationToken);
        if (count <= 0 || context.Inquiry.Reason.RequiresReview())
        {
            return new CounterOfferSet([], new SolveStats(true, budget.Elapsed, 0));
        }

        var space = new PlanSpace(context);
        var reach = Reach(space, proposal, count);
        var proposedYearly = ProposalDistance.YearlyProposed(context, proposal);
        var perStep = ProposalDistance.Denominator(context);
        // No counter-offer lies farther than the reach: a piece whose least possible distance (its structure's part and
        // the gap between its installments and the proposed one) exceeds it is left out.
        double Least(StructureSpace structure) => perStep * ProposalDistance.StructurePoints(proposal, structure.Structure)
            + structure.Pieces.Select(p => structure.Region(space, p)).Where(r => !r.IsEmpty)
                .Select(r => proposedYearly is { } yearly ? InstallmentGap(r, yearly, space.Rounding) : 0).DefaultIfEmpty(double.PositiveInfinity).Min();
        var settlementLeast = perStep * ProposalDistance.StructurePoints(proposal, PlanStructure.Settlement) + SettlementGap(proposedYearly);
        // The space in parts (the settlement, each term class), searched from the least possible distance up: a part
        // whose least distance is beyond the nearest plan found so far holds no nearer one. One model over every piece
        // took 100–250 ms a solve to prove its nearest plan.
        var found = new List<PlanEvaluation>();
        var parts = space.ClassParts()
            .Select(part => (part.InScope, part.Settlement, Least: Math.Min(
                part.Settlement ? settlementLeast : double.PositiveInfinity,
                space.Structures.Where(s => part.InScope(s.Structure)).Select(Least).DefaultIfEmpty(double.PositiveInfinity).Min())))
            .Where(part => part.Least <= reach)
            .OrderBy(part => part.Least)
            .Select(part => (part.Least, Model: new Lazy<(OfferModel Model, LinearExpr Points)>(() =>
            {
                var model = new OfferModel(
                    space, s => part.InScope(s) && perStep * ProposalDistance.StructurePoints(proposal, s) <= reach,
                    includeSettlement: part.Settlement,
                    keep: (region, _) => proposedYearly is not { } yearly || InstallmentGap(region, yearly, space.Rounding) <= reach);
                found.ForEach(plan => Forbid(model, plan.Terms));
                return (model, Distance(model, space, proposal));
            })))
            .ToList();
        if (parts.Count == 0)
        {
            return new CounterOfferSet([], new SolveStats(true, budget.Elapsed, 0));
        }

        var proven = true;
        // Each part's nearest plan, kept for the next counter-offer unless it is taken (its (f, n) then leaves only that
        // part); a part with none within a cap is searched again only under a wider one.
        var kept = new Dictionary<int, (PlanEvaluation? Plan, bool Proven, long Cap)>();
        while (found.Count < count && !budget.IsSpent)
        {
            PlanEvaluation? nearest = null;
            var nearestPoints = long.MaxValue;
            for (var i = 0; i < parts.Count; i++)
            {
                var (least, lazy) = parts[i];
                if (least > nearestPoints || budget.IsSpent)
                {
                    proven &= least > nearestPoints;
                    break;
                }

                if (!kept.TryGetValue(i, out var known) || (known.Plan is null && known.Cap < nearestPoints))
                {
                    var (model, points) = lazy.Value;
                    var (searched, complete) = model.IsEmpty ? (null, true) : NearestOne(model, space, proposal, points, budget, nearestPoints);
                    known = (searched, complete, model.IsEmpty ? long.MaxValue : nearestPoints);
                    kept[i] = known;
                }

                proven &= known.Proven;
                if (known.Plan is not { } plan)
                {
                    continue;
                }

                // Equally near plans of two parts: the one with the higher N, as within a part.
                var planPoints = ProposalDistance.Points(context, proposal, plan.Terms, plan.InstallmentMinor);
                if (planPoints < nearestPoints || (planPoints == nearestPoints && plan.Score > nearest!.Score))
                {
                    (nearest, nearestPoints) = (plan, planPoints);
                }
            }

            if (nearest is null)
            {
                break;
            }

            found.Add(nearest);
            parts.Where(part => part.Model.IsValueCreated).ToList().ForEach(part => Forbid(part.Model.Value.Model, nearest.Terms));
            foreach (var i in kept.Where(k => k.Value.Plan is { } plan && SameOffer(plan.Terms, nearest.Terms)).Select(k => k.Key).ToList())
            {
                kept.Remove(i);
            }
        }

        // Pareto checks come last, with the time left: finding the counter-offers matters more. A check cut short
        // reports the offer as not shown efficient and the answer as not proven.
        var efficient = new List<bool>();
        foreach (var plan in found)
        {
            var (dominators, checkedFully) = ParetoCheck.FindDominators(space, plan, budget, scopes: space.ClassParts());
            proven &= checkedFully;
            efficient.Add(dominators.Count == 0 && checkedFully);
        }

        var offers = found.Select((candidate, i) =>
        {
            var plan = PlanEvaluator.Evaluate(context, candidate.Terms);
            return new CounterOffer(
                plan,
                ProposalDistance.Of(context, proposal, plan.Terms, plan.InstallmentMinor),
                TermChange.Between(proposal, plan),
                BindingConstraints.Of(context, plan),
                efficient[i]);
        }).ToArray();
        return new CounterOfferSet(offers, new SolveStats(proven && !budget.WasCut, budget.Elapsed, budget.Calls));
    }

    /// <inheritdoc/>
    public (bool Efficient, SolveStats Stats) CheckEfficiency(NegotiationContext context, PlanEvaluation plan, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        var budget = new SolveBudget(limit, cancellationToken);
        var space = new PlanSpace(context);
        var (dominators, checkedFully) = ParetoCheck.FindDominators(space, plan, budget, scopes: space.ClassParts());
        return (dominators.Count == 0 && checkedFully, new SolveStats(checkedFully && !budget.WasCut, budget.Elapsed, budget.Calls));
    }

    /// <summary>
    /// How far, in points, the <paramref name="count"/> counter-offers can lie at most: feasible plans of
    /// <paramref name="count"/> different (f, n) are known within it (the plan of each structure at the proposed down
    /// payment and discount, or none, and the rule-based matrix's), and each counter-offer is the nearest plan of an
    /// (f, n) not offered yet, so at most as far as the farthest of those. Unbounded when fewer are known.
    /// </summary>
    private static long Reach(PlanSpace space, ProposalTerms proposal, int count)
    {
        var context = space.Context;
        var step = space.Step;
        long Grid(long? amount, long most) => Math.Clamp((amount ?? 0) / step * step, 0, Math.Max(0, most));
        var candidates = space.Structures
            .Select(s => new PlanTerms(
                Grid(proposal.DownPaymentMinor, space.MaxDownSteps * step), Grid(proposal.DiscountMinor, s.MaxDiscountSteps * step),
                s.Structure.Frequency, s.Structure.Installments, s.Structure.GracePeriods))
            .Where(t => t.DownPaymentMinor + t.DiscountMinor < space.Balance)
            .Select(t => PlanEvaluator.Evaluate(context, t, detail: false))
            .Concat(RuleBasedOfferMatrix.Offers(context));
        var nearest = new Dictionary<(Frequency, int, bool), long>();
        foreach (var plan in candidates.Where(p => p.IsFeasible))
        {
            var key = (plan.Terms.Frequency, plan.Terms.Installments, plan.Terms.IsSettlement);
            var points = ProposalDistance.Points(context, proposal, plan.Terms, plan.InstallmentMinor);
            nearest[key] = Math.Min(points, nearest.GetValueOrDefault(key, long.MaxValue));
        }

        return nearest.Count < count ? long.MaxValue : nearest.Values.Order().ElementAt(count - 1);
    }

    /// <summary>The least installment part of the distance over a piece: the gap between its yearly installments and the proposed one.</summary>
    private static double InstallmentGap(PieceRegion region, long proposedYearly, long rounding)
    {
        // In doubles: a region without a capacity bound has an installment range up to long's.
        var perUnit = (double)region.PeriodsPerYear * rounding;
        var (low, high) = (region.LowUnits * perUnit, region.HighUnits * perUnit);
        return ProposalDistance.InstallmentWeight * Math.Max(0, Math.Max(low - proposedYearly, proposedYearly - high));
    }

    /// <summary>The installment part of a settlement's distance (no installment).</summary>
    private static long SettlementGap(long? proposedYearly) => ProposalDistance.InstallmentWeight * (proposedYearly ?? 0);

    /// <summary>
    /// The nearest feasible plan left in the model no farther than <paramref name="cap"/> points (for this search only),
    /// and whether that is proven.
    /// </summary>
    private static (PlanEvaluation? Plan, bool Proven) NearestOne(
        OfferModel model, PlanSpace space, ProposalTerms proposal, LinearExpr points, SolveBudget budget, long cap)
    {
        PlanEvaluation? best = null;
        var bestPoints = long.MaxValue;
        var proven = false;
        model.Model.Minimize(points);
        var capped = model.Model.NewBoolVar("capped");
        if (cap < long.MaxValue)
        {
            model.Model.Add(points <= cap).OnlyEnforceIf(capped);
        }

        model.Model.AddAssumption(capped);
        var end = SolveLoop.Run(space, budget, MaxAttempts, () => model, candidate =>
        {
            var modelPoints = (long)Math.Round(candidate.Solver.ObjectiveValue);
            if (best is not null && modelPoints >= bestPoints)
            {
                // No plan left is nearer by the model than the best found exactly: that one is the nearest.
                proven = candidate.Status == CpSolverStatus.Optimal;
                return Next.Stop;
            }

            var plan = candidate.Evaluation;
            var exact = ProposalDistance.Points(space.Context, proposal, candidate.Terms, plan.InstallmentMinor);
            if (plan.IsFeasible && exact == modelPoints && candidate.Status == CpSolverStatus.Optimal)
            {
                best = BestAtDistance(model, space, proposal, points, plan, exact, budget);
                proven = true;
                return Next.Stop;
            }

            if (plan.IsFeasible && exact < bestPoints)
            {
                (best, bestPoints) = (plan, exact);
            }

            return Next.Exclude;
        });
        model.Model.ClearAssumptions();
        model.Model.AddBoolOr([capped.Not()]);
        return (best, end == LoopEnd.Exhausted || proven);
    }

    /// <summary>
    /// Among the plans at <paramref name="level"/> points, the one with the highest w·U_c + (1−w)·U_d in the model (an
    /// assumption bounds the distance for this solve only); <paramref name="found"/> when the exact evaluation disagrees.
    /// </summary>
    private static PlanEvaluation BestAtDistance(
        OfferModel model, PlanSpace space, ProposalTerms proposal, LinearExpr points, PlanEvaluation found, long level, SolveBudget budget)
    {
        var context = space.Context;
        var w = context.CompanyWeight;
        var atLevel = model.Model.NewBoolVar("at_level");
        model.Model.Add(points <= level).OnlyEnforceIf(atLevel);
        model.Model.AddAssumption(atLevel);
        model.Model.Maximize((model.CompanyValue * (long)Math.Round(w * 10_000)) + (model.PersonValue * (long)Math.Round((1 - w) * 10_000)));
        var (status, solver) = budget.Solve(model.Model);
        model.Model.ClearAssumptions();
        model.Model.AddBoolOr([atLevel.Not()]);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return found;
        }

        var terms = model.Decode(solver);
        var plan = PlanEvaluator.Evaluate(context, terms, detail: false);
        return plan.IsFeasible && plan.Score > found.Score && ProposalDistance.Points(context, proposal, terms, plan.InstallmentMinor) <= level
            ? plan
            : found;
    }

    /// <summary><see cref="ProposalDistance.Points"/> as a linear expression of the model's decisions.</summary>
    private static LinearExpr Distance(OfferModel model, PlanSpace space, ProposalTerms proposal)
    {
        var cp = model.Model;
        var context = space.Context;
        var b = space.Balance;
        var terms = new List<LinearExpr>();
        if (ProposalDistance.YearlyProposed(context, proposal) is { } proposedYearly)
        {
            var maxYearly = space.MaxInstallmentUnits * space.Rounding * Frequency.Weekly.PeriodsPerYear();
            var yearly = cp.NewIntVar(0, maxYearly, "yearly_installment");
            var byFrequency = model.StructureChoices.GroupBy(c => c.Structure.Profile.PeriodsPerYear).ToList();
            if (byFrequency.Count == 1)
            {
                // One frequency: A·p is linear in k (a settlement has k = 0), no reification to weaken the relaxation.
                cp.Add(yearly == model.Units * (byFrequency[0].Key * space.Rounding));
            }
            else
            {
                foreach (var group in byFrequency)
                {
                    var chosen = cp.NewBoolVar($"frequency_{group.Key}");
                    cp.Add(LinearExpr.Sum(group.Select(c => c.Literal)) == chosen);
                    cp.Add(yearly == model.Units * (group.Key * space.Rounding)).OnlyEnforceIf(chosen);
                }

                if (model.Settlement is { } settle)
                {
                    cp.Add(yearly == 0).OnlyEnforceIf(settle);
                }
            }

            terms.Add(Absolute(cp, yearly - proposedYearly, Math.Max(maxYearly, proposedYearly), "installment_gap") * ProposalDistance.InstallmentWeight);
        }

        if (proposal.DownPaymentMinor is { } down)
        {
            terms.Add(Absolute(cp, model.DownMinor - down, Math.Max(b, down), "down_gap") * (12L * ProposalDistance.DownPaymentWeight));
        }

        if (proposal.DiscountMinor is { } discount)
        {
            terms.Add(Absolute(cp, (model.Discount * space.Step) - discount, Math.Max(b, discount), "discount_gap") * (12L * ProposalDistance.DiscountWeight));
        }

        var perStep = ProposalDistance.Denominator(context);
        terms.AddRange(model.StructureChoices.Select(c => c.Literal * (perStep * ProposalDistance.StructurePoints(proposal, c.Structure.Structure))));
        if (model.Settlement is { } settlement)
        {
            terms.Add(settlement * (perStep * ProposalDistance.StructurePoints(proposal, PlanStructure.Settlement)));
        }

        return LinearExpr.Sum(terms);
    }

    private static IntVar Absolute(CpModel cp, LinearExpr difference, long bound, string name)
    {
        var gap = cp.NewIntVar(0, bound, name);
        cp.AddAbsEquality(gap, difference);
        return gap;
    }

    /// <summary>Whether two plans share their (frequency, n), or are both the settlement.</summary>
    private static bool SameOffer(PlanTerms one, PlanTerms other) =>
        one.IsSettlement ? other.IsSettlement : !other.IsSettlement && one.Frequency == other.Frequency && one.Installments == other.Installments;

    /// <summary>No later counter-offer shares this plan's (frequency, n); a settlement is offered once.</summary>
    private static void Forbid(OfferModel model, PlanTerms terms)
    {
        if (terms.IsSettlement)
        {
            if (model.Settlement is { } settlement)
            {
                model.Model.Add(settlement == 0);
            }

            return;
        }

        foreach (var (structure, literal) in model.StructureChoices)
        {
            if (structure.Structure.Frequency == terms.Frequency && structure.Structure.Installments == terms.Installments)
            {
                model.Model.Add(literal == 0);
            }
        }
    }
}
