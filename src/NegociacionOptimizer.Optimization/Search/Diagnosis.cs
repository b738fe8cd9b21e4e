using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// Explains why no plan exists. Each business rule carries a switch literal passed to CP-SAT as an assumption; a
/// deletion filter over them finds a minimal set of rules that together leave no plan (the conflicting rules). Then
/// each conflicting rule is relaxed alone and CP-SAT finds the smallest change of its input that makes a plan exist.
/// </summary>
internal static class Diagnosis
{
    /// <param name="space">The plan space.</param>
    /// <param name="budget">The search's budget.</param>
    /// <param name="suggest">Search each conflicting rule's smallest change (<see cref="Relax"/>); otherwise the reasons only.</param>
    /// <param name="provenInfeasible">
    /// The caller's searches proved that no plan meets every rule, so the deletion filter starts without proving it again.
    /// </param>
    public static (IReadOnlyList<Violation> Reasons, IReadOnlyList<Suggestion> Suggestions) Explain(
        PlanSpace space, SolveBudget budget, bool suggest = true, bool provenInfeasible = false)
    {
        var context = space.Context;
        var reasons = new List<Violation>();
        var suggestions = new List<Suggestion>();
        if (context.Frequencies.Count == 0)
        {
            reasons.Add(new(RuleCode.Frequency, context.Inquiry.IncomeFrequency.PeriodsPerYear(), 0, FigureUnit.Periods));
        }

        var witnesses = new Dictionary<Rule, PlanTerms>();
        var conflicting = ConflictingRules(space, budget, witnesses, provenInfeasible);
        foreach (var rule in conflicting)
        {
            PlanTerms? known = witnesses.TryGetValue(rule, out var plan) ? plan : null;
            var (reason, suggestion) = suggest ? Relax(space, rule, known, budget) : (Breach(space.Context, rule, known), null);
            reasons.Add(reason);
            if (suggestion is not null)
            {
                suggestions.Add(suggestion);
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new(RuleCode.UsuryCap, 0, context.Policy.MaxEffectiveAnnualRateBp, FigureUnit.BasisPoints));
        }

        return (reasons, suggestions);
    }

    /// <summary>
    /// A minimal set of rules that together leave no plan (a deletion filter): each rule in turn is dropped, and stays
    /// dropped when the others still leave no plan. The rules are tried from the least telling (mutual benefit, usury,
    /// down payment) to the most (lump sum, capacity), so the set names the ones a person or an analyst can act on.
    /// Every test is a model that leaves out the pieces the enforced rules exclude, usually answered in milliseconds; a
    /// test cut by the budget counts as feasible, which keeps its rule in the set. The plan that kept a rule in the set
    /// (it meets every rule enforced then, a superset of the rest of the final set, so it breaks this rule) is kept in
    /// <paramref name="witnesses"/>: it describes the conflict when relaxing the rule alone leaves no plan.
    /// </summary>
    private static Rule[] ConflictingRules(PlanSpace space, SolveBudget budget, Dictionary<Rule, PlanTerms> witnesses, bool provenInfeasible)
    {
        var enforced = Enum.GetValues<Rule>().Where(rule => Applies(space.Context, rule)).ToHashSet();
        if (!provenInfeasible && !Test(space, enforced, budget).Infeasible)
        {
            return [];
        }

        foreach (var rule in DeletionOrder.Where(enforced.Contains))
        {
            enforced.Remove(rule);
            var (infeasible, witness) = Test(space, enforced, budget);
            if (!infeasible)
            {
                enforced.Add(rule);
                if (witness is { } plan)
                {
                    witnesses[rule] = plan;
                }
            }
        }

        return [.. Enum.GetValues<Rule>().Where(enforced.Contains)];
    }

    /// <summary>
    /// Whether a rule can exclude any plan of this negotiation: a stated capacity that was not given, a minimum
    /// installment or down payment of 0 cannot, and so never appear among the reasons.
    /// </summary>
    private static bool Applies(NegotiationContext context, Rule rule) => rule switch
    {
        Rule.StatedCapacity => context.Inquiry.StatedMonthlyCapacityMinor is not null,
        Rule.MinInstallment => context.Policy.MinInstallmentMinor > 0,
        Rule.MinDownPayment => context.Policy.MinDownPaymentBp > 0,
        _ => true,
    };

    /// <summary>
    /// Structures above which a test is split by term class: proving a model of hundreds of structures infeasible took
    /// up to 130 ms where its classes' small models took a third of that (a weekly earner's 378 structures).
    /// </summary>
    private const int SplitAbove = 64;

    private static readonly Rule[] DeletionOrder =
    [
        Rule.PersonValue, Rule.CompanyValue, Rule.UsuryCap, Rule.MinDownPayment, Rule.DiscountLimit, Rule.MinInstallment,
        Rule.StatedCapacity, Rule.Burden, Rule.LumpSum,
    ];

    /// <summary>
    /// Infeasible when CP-SAT proves that no plan meets the <paramref name="enforced"/> rules. Otherwise the plan that
    /// meets them: one among the regions' rounded vertices (evaluated exactly, no solve), or the one CP-SAT found; none
    /// when the budget ran out first. A space of more than <see cref="SplitAbove"/> structures is tested part by part
    /// (<see cref="PlanSpace.ClassParts"/>), one small model each, up to the first that has a plan.
    /// </summary>
    private static (bool Infeasible, PlanTerms? Witness) Test(PlanSpace space, HashSet<Rule> enforced, SolveBudget budget)
    {
        if (VertexHeuristic.Witness(space, Relaxed(enforced)) is { } terms)
        {
            return (false, terms);
        }

        foreach (var (inScope, settlement) in space.Structures.Count <= SplitAbove ? [(_ => true, true)] : space.ClassParts())
        {
            var model = Enforcing(space, enforced, (_, _) => true, inScope, settlement);
            if (model.IsEmpty)
            {
                continue;
            }

            var (status, solver) = budget.Solve(model.Model, basicRelaxation: true);
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                return (false, model.Decode(solver));
            }

            if (status != CpSolverStatus.Infeasible)
            {
                return (false, null);
            }
        }

        return (true, null);
    }

    /// <param name="space">The plan space.</param>
    /// <param name="rule">A rule of the conflict.</param>
    /// <param name="known">
    /// A plan that meets the other rules of the conflict (minimality says one exists) but breaks this one, from the
    /// deletion filter: its figures describe the conflict when relaxing the rule alone, with every rule outside the
    /// conflict still enforced, leaves no plan (two independent conflicts). Null if the budget ran out first.
    /// </param>
    /// <param name="budget">The search's budget.</param>
    private static (Violation Reason, Suggestion? Suggestion) Relax(PlanSpace space, Rule rule, PlanTerms? known, SolveBudget budget)
    {
        var context = space.Context;
        // Every other rule holds, so pieces that cannot meet them (whatever this rule allows) are left out.
        var others = Enum.GetValues<Rule>().Where(r => r != rule).ToHashSet();
        var rounding = space.Rounding;
        var (found, value) = rule switch
        {
            Rule.LumpSum => Nearest(space, others, budget, m => m.DownMinor, region => region.LeastDown),
            Rule.Burden or Rule.StatedCapacity => Nearest(space, others, budget, m => m.YearlyInstallment(), region => (double)region.LowUnits * region.PeriodsPerYear * rounding),
            Rule.MinInstallment => Nearest(space, others, budget, m => m.Units * rounding, region => (double)region.HighUnits * rounding, largest: true),
            _ => (Test(space, others, budget).Witness, 0),
        };
        var solved = found is not null;
        var inquiry = context.Inquiry;
        var policy = context.Policy;
        // The plan CP-SAT found with only this rule relaxed, evaluated exactly: its breach of the rule carries the real
        // figures (what the nearest plan needs against the limit), in the same orientation as any other violation.
        var reason = Breach(context, rule, found ?? known);
        switch (rule)
        {
            case Rule.LumpSum:
                return (reason,
                    solved ? new Suggestion(RuleCode.LumpSum, "inquiry.lump_sum_available_minor", value, inquiry.LumpSumMinor, FigureUnit.Minor) : null);
            case Rule.Burden:
                var monthly = solved ? (value + 11) / 12 : 0;
                var burdenBp = context.DisposableIncome.BurdenCeilingBp(monthly);
                return (reason,
                    solved && burdenBp is > 0 and <= 10_000
                        ? new Suggestion(RuleCode.Burden, "policy.max_burden_bp", burdenBp, policy.MaxBurdenBp, FigureUnit.BasisPoints)
                        : null);
            case Rule.StatedCapacity:
                var needed = solved ? (value + 11) / 12 : 0;
                return (reason,
                    solved ? new Suggestion(RuleCode.StatedCapacity, "inquiry.stated_monthly_capacity_minor", needed, inquiry.StatedMonthlyCapacityMinor ?? 0, FigureUnit.Minor) : null);
            case Rule.MinInstallment:
                return (reason,
                    solved ? new Suggestion(RuleCode.MinInstallment, "policy.min_installment_minor", value, policy.MinInstallmentMinor, FigureUnit.Minor) : null);
            default:
                return (reason, null);
        }
    }

    /// <summary>The witness's breach of <paramref name="rule"/>, exactly evaluated; the limit twice without one.</summary>
    private static Violation Breach(NegotiationContext context, Rule rule, PlanTerms? witness) =>
        (witness is { } plan ? PlanEvaluator.Evaluate(context, plan, detail: true).Violations.Where(v => v.Code == rule.Code()).Select(v => (Violation?)v).FirstOrDefault() : null)
        ?? Unmeasured(context, rule);

    /// <summary>
    /// The plan that meets <paramref name="enforced"/> with the least <paramref name="objective"/> (the largest when
    /// <paramref name="largest"/>), proven in stages that never put a piece into a model unless it could beat the best
    /// plan found. <paramref name="bound"/> gives, for a piece's region, the value no plan of the piece gets beyond.
    /// First the pieces with the best bounds; if that model has a plan, every piece whose bound beats its value, with
    /// the objective capped at it (so the second solve is optimal over everything that could be better); if not, four
    /// times as many pieces. With big-M pieces the solver's own relaxation bounds the objective poorly, so one model of
    /// every piece took up to a second to prove.
    /// </summary>
    private static (PlanTerms? Plan, long Value) Nearest(
        PlanSpace space, HashSet<Rule> enforced, SolveBudget budget, Func<OfferModel, LinearExpr> objective,
        Func<PieceRegion, double> bound, bool largest = false)
    {
        const int FirstStage = 16;
        var sign = largest ? -1 : 1;
        double Key(PieceRegion region) => sign * bound(region);
        var relaxed = Relaxed(enforced);
        var keys = space.Structures.SelectMany(s => s.Pieces.Select(p => new PieceRegion(space, s, p, relaxed: relaxed)))
            .Where(region => !region.IsEmpty).Select(Key).Order().ToArray();
        var taken = Math.Min(keys.Length, FirstStage);
        var threshold = taken == 0 ? double.NegativeInfinity : keys[taken - 1];
        long? cap = null;
        while (true)
        {
            var model = Enforcing(space, enforced, (region, _) => Key(region) <= threshold);
            var target = objective(model) * sign;
            model.Model.Minimize(target);
            if (cap is { } best)
            {
                model.Model.Add(target <= best);
            }

            var (status, solver) = budget.Solve(model.Model, basicRelaxation: true);
            if (status == CpSolverStatus.Optimal)
            {
                var value = solver.Value(target);
                if (!keys.Any(key => key > threshold && key < value))
                {
                    return (model.Decode(solver), sign * value);
                }

                (threshold, cap) = (value, value);
            }
            else if (status == CpSolverStatus.Infeasible && taken < keys.Length)
            {
                taken = Math.Min(keys.Length, taken * 4);
                threshold = keys[taken - 1];
            }
            else
            {
                return status == CpSolverStatus.Feasible ? (model.Decode(solver), sign * solver.Value(target)) : (null, 0);
            }
        }
    }

    /// <summary>
    /// The diagnosis model that enforces exactly <paramref name="enforced"/> (as assumptions on their switches) and
    /// leaves out the pieces that cannot meet them, whatever the other rules allow.
    /// </summary>
    private static OfferModel Enforcing(PlanSpace space, IReadOnlySet<Rule> enforced, Func<PieceRegion, double, bool> keep, Func<PlanStructure, bool>? inScope = null, bool settlement = true)
    {
        var model = new OfferModel(space, inScope ?? (_ => true), includeSettlement: settlement, diagnosis: true, keep: keep, relaxed: Relaxed(enforced));
        model.Model.AddAssumptions(enforced.Select(model.Switch));
        return model;
    }

    /// <summary>Every rule but <paramref name="enforced"/>.</summary>
    private static HashSet<Rule> Relaxed(IReadOnlySet<Rule> enforced) => [.. Enum.GetValues<Rule>().Where(r => !enforced.Contains(r))];

    /// <summary>
    /// The rule's limit when no plan that breaks only this rule could be found within the budget: the limit twice, so an
    /// answer never shows a made-up figure (the answer is then not proven).
    /// </summary>
    private static Violation Unmeasured(NegotiationContext context, Rule rule)
    {
        var policy = context.Policy;
        return rule switch
        {
            Rule.LumpSum => new(RuleCode.LumpSum, context.Inquiry.LumpSumMinor, context.Inquiry.LumpSumMinor, FigureUnit.Minor),
            Rule.Burden => new(RuleCode.Burden, context.BurdenCapacityMinor, context.BurdenCapacityMinor, FigureUnit.Minor),
            Rule.StatedCapacity => new(RuleCode.StatedCapacity, context.Inquiry.StatedMonthlyCapacityMinor ?? 0, context.Inquiry.StatedMonthlyCapacityMinor ?? 0, FigureUnit.Minor),
            Rule.MinInstallment => new(RuleCode.MinInstallment, policy.MinInstallmentMinor, policy.MinInstallmentMinor, FigureUnit.Minor),
            Rule.MinDownPayment => new(RuleCode.MinDownPayment, policy.MinDownPaymentBp, policy.MinDownPaymentBp, FigureUnit.BasisPoints),
            Rule.DiscountLimit => new(RuleCode.DiscountLimit, context.MaxDiscountMinor(0), context.MaxDiscountMinor(0), FigureUnit.Minor),
            Rule.UsuryCap => new(RuleCode.UsuryCap, policy.MaxEffectiveAnnualRateBp, policy.MaxEffectiveAnnualRateBp, FigureUnit.BasisPoints),
            Rule.CompanyValue => new(RuleCode.CompanyValue, 0, 0, FigureUnit.Minor),
            _ => new(RuleCode.PersonValue, 0, 0, FigureUnit.Minor),
        };
    }
}
