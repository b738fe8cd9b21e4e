using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>The rules a no-plan answer names do conflict: checked on every plan of a grid wider than the search's.</summary>
public class DiagnosisTests
{
    /// <summary>Rules of a plan's shape, which no diagnosis relaxes.</summary>
    private static readonly RuleCode[] Structural =
        [RuleCode.Frequency, RuleCode.Term, RuleCode.Grace, RuleCode.SettlementAmount, RuleCode.NothingFinanced, RuleCode.Rounding];

    [Fact]
    public void The_diagnosis_models_variables_stay_inside_the_relaxations_exact_range()
    {
        // A domain near long's range (the yearly installment's once was) gives the relaxation big-M coefficients its
        // floating-point LP cannot hold: with the diagnosis's relaxation it then declared a feasible model infeasible,
        // and the capacity needed was left out of the answer.
        const long Exact = 1L << 53;
        for (var seed = 0; seed < 40; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var model = new OfferModel(new PlanSpace(context), _ => true, includeSettlement: true, diagnosis: true);
            model.Model.Minimize(model.YearlyInstallment());
            foreach (var variable in model.Model.Model.Variables)
            {
                Assert.True(variable.Domain.All(bound => Math.Abs(bound) <= Exact), $"seed {seed}: {variable.Name} spans {string.Join(", ", variable.Domain)}");
            }
        }
    }

    [Fact]
    public void Every_plan_breaks_one_of_the_named_rules_when_no_plan_is_feasible() =>
        Assert.True(CheckNamedRules(_ => true, 12) >= 8, "fewer than 8 instances without a plan");

    [Fact]
    public void Every_plan_breaks_one_of_the_named_rules_of_a_space_tested_class_by_class()
    {
        // Spaces of more than 64 structures are tested one term class at a time.
        Assert.True(CheckNamedRules(context => new PlanSpace(context).Structures.Count > 64, 4) >= 3, "fewer than 3 large instances without a plan");
    }

    /// <summary>Checks up to <paramref name="wanted"/> no-plan instances that <paramref name="take"/> accepts; returns how many.</summary>
    private static int CheckNamedRules(Func<NegotiationContext, bool> take, int wanted)
    {
        var engine = new CpSatOfferEngine();
        var instances = 0;
        for (var seed = 0; seed < 120 && instances < wanted; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            if (!take(context))
            {
                continue;
            }

            var set = engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), $"seed-{seed}"), CancellationToken.None);
            if (set.Outcome != OfferOutcome.NoFeasiblePlan || context.Frequencies.Count == 0)
            {
                continue;
            }

            instances++;
            var named = set.NoOfferReasons.Select(r => r.Code).Concat(Structural).ToHashSet();
            foreach (var terms in WideGrid(context))
            {
                var plan = PlanEvaluator.Evaluate(context, terms, detail: false);
                Assert.True(plan.Violations.Any(v => named.Contains(v.Code)),
                    $"seed {seed}: {terms} breaks only {string.Join(", ", plan.Violations.Select(v => v.Code))}, not the named {string.Join(", ", set.NoOfferReasons.Select(r => r.Code))}");
            }
        }

        return instances;
    }

    [Fact]
    public void Reasons_without_suggestions_name_the_same_rules_in_the_same_order()
    {
        var engine = new CpSatOfferEngine();
        var instances = 0;
        for (var seed = 0; seed < 160; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var full = engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), $"seed-{seed}"), CancellationToken.None);
            if (full.Outcome != OfferOutcome.NoFeasiblePlan)
            {
                continue;
            }

            instances++;
            var reasonsOnly = engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), $"seed-{seed}", Suggest: false), CancellationToken.None);
            Assert.Equal(OfferOutcome.NoFeasiblePlan, reasonsOnly.Outcome);
            Assert.Equal(full.NoOfferReasons.Select(r => r.Code), reasonsOnly.NoOfferReasons.Select(r => r.Code));
            Assert.Empty(reasonsOnly.Suggestions);
            Assert.True(reasonsOnly.Stats.SolverCalls <= full.Stats.SolverCalls, $"seed {seed}: more solves without the suggestions");
        }

        Assert.True(instances >= 10, $"only {instances} instances without a plan");
    }

    [Fact]
    public void Every_reason_carries_the_requests_limit_and_a_figure_that_breaks_it()
    {
        var engine = new CpSatOfferEngine();
        var reasons = 0;
        for (var seed = 0; seed < 160; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var set = engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), $"seed-{seed}"), CancellationToken.None);
            if (set.Outcome != OfferOutcome.NoFeasiblePlan || context.Frequencies.Count == 0)
            {
                continue;
            }

            var inquiry = context.Inquiry;
            var policy = context.Policy;
            foreach (var reason in set.NoOfferReasons)
            {
                reasons++;
                var where = $"seed {seed}: {reason}";
                switch (reason.Code)
                {
                    case RuleCode.LumpSum:
                        Assert.True(reason.Limit == inquiry.LumpSumMinor && reason.Value > reason.Limit, where);
                        break;
                    case RuleCode.Burden:
                        Assert.True(reason.Limit == context.BurdenCapacityMinor && reason.Value > reason.Limit, where);
                        break;
                    case RuleCode.StatedCapacity:
                        Assert.True(inquiry.StatedMonthlyCapacityMinor is { } stated && reason.Limit == stated && reason.Value > stated, where);
                        break;
                    case RuleCode.MinInstallment:
                        Assert.True(policy.MinInstallmentMinor > 0 && reason.Limit == policy.MinInstallmentMinor && reason.Value < reason.Limit, where);
                        break;
                    case RuleCode.MinDownPayment:
                        Assert.True(policy.MinDownPaymentBp > 0 && reason.Unit == FigureUnit.Minor && reason.Value < reason.Limit, where);
                        break;
                    case RuleCode.DiscountLimit:
                        Assert.True(reason.Value > reason.Limit && reason.Limit <= context.MaxDiscountMinor(0), where);
                        break;
                    case RuleCode.UsuryCap:
                        Assert.True(reason.Limit == policy.MaxEffectiveAnnualRateBp && reason.Value > reason.Limit, where);
                        break;
                    case RuleCode.CompanyValue:
                        Assert.True(reason.Limit == 0 && reason.Value <= 0, where);
                        break;
                    case RuleCode.PersonValue:
                        Assert.True(reason.Limit == 0 && reason.Value < 0, where);
                        break;
                    default:
                        Assert.Fail($"{where}: unexpected reason");
                        break;
                }
            }
        }

        Assert.True(reasons >= 10, $"only {reasons} reasons checked");
    }

    [Fact]
    public void Each_suggestion_is_the_smallest_change_of_its_input_that_leaves_a_plan()
    {
        var engine = new CpSatOfferEngine();
        var suggestions = 0;
        for (var seed = 0; seed < 160; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var set = engine.Generate(context, new OfferOptions(1, TimeSpan.FromSeconds(60), $"seed-{seed}"), CancellationToken.None);
            if (set.Outcome != OfferOutcome.NoFeasiblePlan || context.Frequencies.Count == 0)
            {
                continue;
            }

            foreach (var suggestion in set.Suggestions)
            {
                suggestions++;
                // Every plan of the grid that breaks this rule and no other: the suggestion is what the best of them needs.
                var plans = WideGrid(context).Select(terms => PlanEvaluator.Evaluate(context, terms, detail: false))
                    .Where(plan => plan.Violations.All(v => v.Code == suggestion.Code)).ToList();
                Assert.NotEmpty(plans);
                var leastMonthly = (plans.Min(plan => plan.InstallmentMinor * plan.Terms.Frequency.PeriodsPerYear()) + 11) / 12;
                var expected = suggestion.Code switch
                {
                    RuleCode.LumpSum => plans.Min(plan => plan.Terms.DownPaymentMinor),
                    RuleCode.StatedCapacity => leastMonthly,
                    RuleCode.Burden => context.DisposableIncome.BurdenCeilingBp(leastMonthly),
                    RuleCode.MinInstallment => plans.Max(plan => plan.InstallmentMinor),
                    _ => throw new InvalidOperationException($"seed {seed}: unexpected suggestion {suggestion}"),
                };
                Assert.True(expected == suggestion.Value, $"seed {seed}: {suggestion} where the grid's best needs {expected}");
            }
        }

        Assert.True(suggestions >= 10, $"only {suggestions} suggestions checked");
    }

    /// <summary>Every structure the policy allows, with D and Q anywhere on the step grid up to the balance.</summary>
    private static IEnumerable<PlanTerms> WideGrid(NegotiationContext context)
    {
        var step = context.Policy.AmountStepMinor;
        var b = context.BalanceMinor;
        for (long q = 0; q * step <= b; q++)
        {
            yield return PlanTerms.Settlement(b, q * step);
        }

        foreach (var f in context.Frequencies)
        {
            for (var n = 1; n <= context.Policy.MaxInstallments(f); n++)
            {
                for (var g = 0; g <= context.Policy.MaxGracePeriods; g++)
                {
                    for (long d = 0; d * step < b; d++)
                    {
                        for (long q = 0; (d + q) * step < b; q++)
                        {
                            yield return new PlanTerms(d * step, q * step, f, n, g);
                        }
                    }
                }
            }
        }
    }
}
