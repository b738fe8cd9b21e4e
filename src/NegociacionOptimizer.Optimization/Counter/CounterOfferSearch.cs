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
/// (frequency, n) of those found, so no two share one. Stateless and thread-safe.
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
        var space = new PlanSpace(context);
        var model = new OfferModel(space, _ => true, includeSettlement: true);
        if (count <= 0 || model.IsEmpty || context.Inquiry.Reason.RequiresReview())
        {
            return new CounterOfferSet([], new SolveStats(true, budget.Elapsed, 0));
        }

        var points = Distance(model, space, proposal);
        var found = new List<PlanEvaluation>();
        var proven = true;
        while (found.Count < count && !budget.IsSpent)
        {
            var (plan, complete) = NearestOne(model, space, proposal, points, budget);
            proven &= complete;
            if (plan is null)
            {
                break;
            }

            found.Add(plan);
            Forbid(model, plan.Terms);
        }

        // Pareto checks come last, with the time left: finding the counter-offers matters more. A check cut short
        // reports the offer as not shown efficient and the answer as not proven.
        var efficient = new List<bool>();
        foreach (var plan in found)
        {
            var (dominators, checkedFully) = ParetoCheck.FindDominators(space, plan, budget);
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
        var (dominators, checkedFully) = ParetoCheck.FindDominators(new PlanSpace(context), plan, budget);
        return (dominators.Count == 0 && checkedFully, new SolveStats(checkedFully && !budget.WasCut, budget.Elapsed, budget.Calls));
    }

    /// <summary>The nearest feasible plan left in the model, and whether that is proven.</summary>
    private static (PlanEvaluation? Plan, bool Proven) NearestOne(
        OfferModel model, PlanSpace space, ProposalTerms proposal, LinearExpr points, SolveBudget budget)
    {
        PlanEvaluation? best = null;
        var bestPoints = long.MaxValue;
        var proven = false;
        model.Model.Minimize(points);
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

    /// <summary>No later counter-offer shares this plan's (frequency, n); a settlement is offered once.</summary>
    private static void Forbid(OfferModel model, PlanTerms terms)
    {
        if (terms.IsSettlement)
        {
            model.Model.Add(model.Settlement! == 0);
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
