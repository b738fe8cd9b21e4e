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
    public static (IReadOnlyList<Violation> Reasons, IReadOnlyList<Suggestion> Suggestions) Explain(PlanSpace space, SolveBudget budget)
    {
        var context = space.Context;
        var reasons = new List<Violation>();
        var suggestions = new List<Suggestion>();
        if (context.Frequencies.Count == 0)
        {
            reasons.Add(new(RuleCode.Frequency, context.Inquiry.IncomeFrequency.PeriodsPerYear(), 0, FigureUnit.Periods));
        }

        var conflicting = ConflictingRules(space, budget);
        foreach (var rule in conflicting)
        {
            var (reason, suggestion) = Relax(space, rule, conflicting, budget);
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
    /// test cut by the budget counts as feasible, which keeps its rule in the set.
    /// </summary>
    private static Rule[] ConflictingRules(PlanSpace space, SolveBudget budget)
    {
        var enforced = Enum.GetValues<Rule>().Where(rule => Applies(space.Context, rule)).ToHashSet();
        if (!IsInfeasible(space, enforced, budget))
        {
            return [];
        }

        foreach (var rule in DeletionOrder.Where(enforced.Contains))
        {
            enforced.Remove(rule);
            if (!IsInfeasible(space, enforced, budget))
            {
                enforced.Add(rule);
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

    private static readonly Rule[] DeletionOrder =
    [
        Rule.PersonValue, Rule.CompanyValue, Rule.UsuryCap, Rule.MinDownPayment, Rule.DiscountLimit, Rule.MinInstallment,
        Rule.StatedCapacity, Rule.Burden, Rule.LumpSum,
    ];

    /// <summary>
    /// True when CP-SAT proves that no plan meets the <paramref name="enforced"/> rules; false at once when a plan that
    /// meets them turns up among the regions' rounded vertices (evaluated exactly).
    /// </summary>
    private static bool IsInfeasible(PlanSpace space, HashSet<Rule> enforced, SolveBudget budget)
    {
        if (VertexHeuristic.Witness(space, Relaxed(enforced)) is not null)
        {
            return false;
        }

        return budget.Solve(Enforcing(space, enforced).Model).Status == CpSolverStatus.Infeasible;
    }

    private static (Violation Reason, Suggestion? Suggestion) Relax(PlanSpace space, Rule rule, IReadOnlyList<Rule> conflicting, SolveBudget budget)
    {
        var context = space.Context;
        // Every other rule holds, so pieces that cannot meet them (whatever this rule allows) are left out.
        var model = Enforcing(space, Enum.GetValues<Rule>().Where(r => r != rule).ToHashSet());
        var yearly = model.YearlyInstallment();
        var installment = model.Units * space.Rounding;
        LinearExpr? target = rule switch
        {
            Rule.LumpSum => model.DownMinor,
            Rule.Burden or Rule.StatedCapacity => yearly,
            Rule.MinInstallment => installment,
            _ => null,
        };
        if (target is not null)
        {
            if (rule == Rule.MinInstallment)
            {
                model.Model.Maximize(target);
            }
            else
            {
                model.Model.Minimize(target);
            }
        }

        var (status, solver) = budget.Solve(model.Model);
        var solved = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        var inquiry = context.Inquiry;
        var policy = context.Policy;
        // The plan CP-SAT found with only this rule relaxed, evaluated exactly: its breach of the rule carries the real
        // figures (what the nearest plan needs against the limit), in the same orientation as any other violation.
        var witness = solved ? PlanEvaluator.Evaluate(context, model.Decode(solver), detail: true) : WitnessWithin(space, rule, conflicting, budget);
        var reason = witness?.Violations.Where(v => v.Code == rule.Code()).Select(v => (Violation?)v).FirstOrDefault()
            ?? Unmeasured(context, rule);
        switch (rule)
        {
            case Rule.LumpSum:
                var down = solved ? solver.Value(model.DownMinor) : 0;
                return (reason,
                    solved ? new Suggestion(RuleCode.LumpSum, "inquiry.lump_sum_available_minor", down, inquiry.LumpSumMinor, FigureUnit.Minor) : null);
            case Rule.Burden:
                var monthly = solved ? (solver.Value(yearly) + 11) / 12 : 0;
                var burdenBp = context.DisposableIncome.BurdenCeilingBp(monthly);
                return (reason,
                    solved && burdenBp is > 0 and <= 10_000
                        ? new Suggestion(RuleCode.Burden, "policy.max_burden_bp", burdenBp, policy.MaxBurdenBp, FigureUnit.BasisPoints)
                        : null);
            case Rule.StatedCapacity:
                var needed = solved ? (solver.Value(yearly) + 11) / 12 : 0;
                return (reason,
                    solved ? new Suggestion(RuleCode.StatedCapacity, "inquiry.stated_monthly_capacity_minor", needed, inquiry.StatedMonthlyCapacityMinor ?? 0, FigureUnit.Minor) : null);
            case Rule.MinInstallment:
                var largest = solved ? solver.Value(model.Units) * space.Rounding : 0;
                return (reason,
                    solved ? new Suggestion(RuleCode.MinInstallment, "policy.min_installment_minor", largest, policy.MinInstallmentMinor, FigureUnit.Minor) : null);
            default:
                return (reason, null);
        }
    }

    /// <summary>
    /// A plan that meets the other rules of the conflict (minimality says one exists) but breaks
    /// <paramref name="rule"/>, evaluated exactly: its figures describe the conflict when relaxing the rule alone, with
    /// every rule outside the conflict still enforced, leaves no plan (two independent conflicts). Null if the budget ran out.
    /// </summary>
    private static PlanEvaluation? WitnessWithin(PlanSpace space, Rule rule, IReadOnlyList<Rule> conflicting, SolveBudget budget)
    {
        var model = Enforcing(space, conflicting.Where(r => r != rule).ToHashSet());
        var (status, solver) = budget.Solve(model.Model);
        return status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            ? PlanEvaluator.Evaluate(space.Context, model.Decode(solver), detail: true)
            : null;
    }

    /// <summary>
    /// The diagnosis model that enforces exactly <paramref name="enforced"/> (as assumptions on their switches) and
    /// leaves out the pieces that cannot meet them, whatever the other rules allow.
    /// </summary>
    private static OfferModel Enforcing(PlanSpace space, IReadOnlySet<Rule> enforced)
    {
        var model = new OfferModel(space, _ => true, includeSettlement: true, diagnosis: true, keep: (_, _) => true, relaxed: Relaxed(enforced));
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
