using System.Diagnostics;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Server.Engine;

/// <summary>
/// TEMPORARY engine, in place only until the CP-SAT engine (<c>CpSatOfferEngine</c>) is merged; it is replaced by one
/// line in DI. It scans a coarse grid — the settlement and every structure (f, n, g), with the down payment D and the
/// discount Q on at most 10 steps each — evaluates every point with <see cref="PlanEvaluator"/>, keeps the feasible
/// plans and returns the best by score N with distinct (frequency, n). It proves nothing optimal.
/// </summary>
public sealed class TemporaryGridEngine : IOfferEngine
{
    /// <summary>Name reported in the response's solve info.</summary>
    public const string Name = "temporary-grid";

    private const int Steps = 10;

    /// <inheritdoc/>
    public OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var feasible = new List<PlanEvaluation>();
        PlanEvaluation? closest = null;
        foreach (var terms in Candidates(context))
        {
            if (cancellationToken.IsCancellationRequested || clock.Elapsed > options.TimeLimit)
            {
                break;
            }

            var plan = PlanEvaluator.Evaluate(context, terms, detail: false);
            if (plan.IsFeasible)
            {
                feasible.Add(plan);
            }
            else if (closest is null || plan.Violations.Count < closest.Violations.Count)
            {
                closest = plan;
            }
        }

        var stats = new SolveStats(false, clock.Elapsed, 0);
        if (feasible.Count == 0)
        {
            return new OfferSet(OfferOutcome.NoFeasiblePlan, [], closest?.Violations ?? [], [], stats);
        }

        var chosen = feasible
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Terms.Installments)
            .ThenBy(p => p.Terms.Frequency)
            .ThenBy(p => p.Terms.GracePeriods)
            .ThenBy(p => p.Terms.DownPaymentMinor)
            .ThenBy(p => p.Terms.DiscountMinor)
            .DistinctBy(p => (p.Terms.Frequency, p.Terms.Installments))
            .Take(options.OfferCount)
            .Select(p => PlanEvaluator.Evaluate(context, p.Terms, detail: true))
            .ToList();
        var ladder = chosen
            .Select((p, i) => (Plan: p, Index: i))
            .OrderByDescending(x => x.Plan.CompanyValueMinor)
            .Select((x, position) => (x.Index, Position: position + 1))
            .ToDictionary(x => x.Index, x => x.Position);
        var offers = chosen.Select((plan, i) => new RankedOffer(
            Fingerprints.OfferId(options.Fingerprint, plan.Terms),
            i + 1,
            ladder[i],
            plan,
            IsParetoEfficient(plan, feasible),
            TermClass.Of(plan.Terms.Structure),
            Binding(context, plan))).ToList();
        return new OfferSet(OfferOutcome.Offers, offers, [], [], stats with { Elapsed = clock.Elapsed });
    }

    private static IEnumerable<PlanTerms> Candidates(NegotiationContext context)
    {
        var policy = context.Policy;
        var b = context.BalanceMinor;
        var step = policy.AmountStepMinor;
        foreach (var q in Grid(Math.Min(context.MaxDiscountMinor(0), b - 1), step))
        {
            yield return PlanTerms.Settlement(b, q);
        }

        var downPayments = Grid(Math.Min(context.Inquiry.LumpSumMinor, b - 1), step);
        foreach (var f in context.Frequencies)
        {
            for (var n = 1; n <= policy.MaxInstallments(f); n++)
            {
                var discounts = Grid(Math.Min(context.MaxDiscountMinor(n), b - 1), step);
                for (var g = 0; g <= policy.MaxGracePeriods; g++)
                {
                    foreach (var d in downPayments)
                    {
                        foreach (var q in discounts)
                        {
                            if (d + q < b)
                            {
                                yield return new PlanTerms(d, q, f, n, g);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>0 and up to <see cref="Steps"/> evenly spaced multiples of <paramref name="step"/> up to <paramref name="max"/>.</summary>
    private static long[] Grid(long max, long step)
    {
        if (max < step)
        {
            return [0];
        }

        var units = max / step;
        return [.. Enumerable.Range(0, Steps + 1).Select(k => units * k / Steps * step).Distinct()];
    }

    private static bool IsParetoEfficient(PlanEvaluation plan, List<PlanEvaluation> feasible) =>
        !feasible.Any(o =>
            o.CompanyValueMinor >= plan.CompanyValueMinor && o.PersonValueMinor >= plan.PersonValueMinor
            && (o.CompanyValueMinor > plan.CompanyValueMinor || o.PersonValueMinor > plan.PersonValueMinor));

    /// <summary>The rules the plan meets within one grid or rounding step: what shaped it.</summary>
    private static List<Violation> Binding(NegotiationContext context, PlanEvaluation plan)
    {
        var policy = context.Policy;
        var terms = plan.Terms;
        var rules = new List<Violation>();
        if (terms.DownPaymentMinor > 0 && terms.DownPaymentMinor + policy.AmountStepMinor > context.Inquiry.LumpSumMinor)
        {
            rules.Add(new(RuleCode.LumpSum, terms.DownPaymentMinor, context.Inquiry.LumpSumMinor, FigureUnit.Minor));
        }

        var maxDiscount = context.MaxDiscountMinor(terms.Installments);
        if (terms.DiscountMinor > 0 && terms.DiscountMinor + policy.AmountStepMinor > maxDiscount)
        {
            rules.Add(new(RuleCode.DiscountLimit, terms.DiscountMinor, maxDiscount, FigureUnit.Minor));
        }

        if (terms.IsSettlement)
        {
            return rules;
        }

        var p = terms.Frequency.PeriodsPerYear();
        var monthly = MinorUnitsMonthly(plan.InstallmentMinor, p);
        var slack = MinorUnitsMonthly(policy.RoundingUnitMinor, p);
        if (context.Inquiry.StatedMonthlyCapacityMinor is { } stated && monthly + slack > stated && stated <= context.BurdenCapacityMinor)
        {
            rules.Add(new(RuleCode.StatedCapacity, monthly, stated, FigureUnit.Minor));
        }
        else if (monthly + slack > context.BurdenCapacityMinor)
        {
            rules.Add(new(RuleCode.Burden, monthly, context.BurdenCapacityMinor, FigureUnit.Minor));
        }

        if (terms.Installments >= 2 && plan.InstallmentMinor == policy.MinInstallmentMinor)
        {
            rules.Add(new(RuleCode.MinInstallment, plan.InstallmentMinor, policy.MinInstallmentMinor, FigureUnit.Minor));
        }

        if (terms.Installments == policy.MaxInstallments(terms.Frequency))
        {
            rules.Add(new(RuleCode.Term, terms.Installments, terms.Installments, FigureUnit.Installments));
        }

        if (terms.GracePeriods > 0 && terms.GracePeriods == policy.MaxGracePeriods)
        {
            rules.Add(new(RuleCode.Grace, terms.GracePeriods, policy.MaxGracePeriods, FigureUnit.Periods));
        }

        return rules;
    }

    private static long MinorUnitsMonthly(long amount, int periodsPerYear) => (long)Math.Ceiling(amount * (double)periodsPerYear / 12);
}
