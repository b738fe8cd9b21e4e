using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Search;

namespace NegociacionOptimizer.Optimization.Tests.Reference;

/// <summary>
/// SPEC §5's ranked set built from every feasible plan of the exhaustive reference, by the letter of the text: the best
/// plan of each term class (the best <c>count</c> of them); then the best Pareto-efficient plans of other (f, n) in order
/// of N until the places are full; then, with two places or more, when no chosen offer starts now and a feasible plan
/// does, the best such plan whose (f, n) no other chosen offer has takes a free place, or else the last one.
/// </summary>
internal static class ReferenceSet
{
    public static List<PlanEvaluation> Build(IReadOnlyList<PlanEvaluation> plans, int count)
    {
        var chosen = plans
            .GroupBy(p => TermClass.Of(p.Terms.Structure))
            .Select(g => g.MaxBy(p => p.Score)!)
            .OrderByDescending(p => p.Score)
            .Take(count)
            .ToList();
        foreach (var plan in Efficient(plans).OrderByDescending(p => p.Score))
        {
            if (chosen.Count >= count)
            {
                break;
            }

            if (!chosen.Any(c => Key(c) == Key(plan)))
            {
                chosen.Add(plan);
            }
        }

        if (count >= 2 && !chosen.Any(p => p.Terms.StartsNow))
        {
            var kept = chosen.Count < count ? chosen : [.. chosen.OrderByDescending(p => p.Score).Take(chosen.Count - 1)];
            var start = plans
                .Where(p => p.Terms.StartsNow && !kept.Any(c => Key(c) == Key(p)))
                .MaxBy(p => p.Score);
            if (start is not null)
            {
                chosen = [.. kept, start];
            }
        }

        return [.. chosen.OrderByDescending(p => p.Score)];
    }

    /// <summary>The plans no other plan dominates (at least as good for both sides, better for one).</summary>
    public static List<PlanEvaluation> Efficient(IReadOnlyList<PlanEvaluation> plans)
    {
        var efficient = new List<PlanEvaluation>();
        var bestPersonAbove = double.NegativeInfinity;
        foreach (var group in plans.GroupBy(p => p.CompanyValueMinor).OrderByDescending(g => g.Key))
        {
            var bestPersonHere = group.Max(p => p.PersonValueMinor);
            efficient.AddRange(group.Where(p => p.PersonValueMinor > bestPersonAbove && p.PersonValueMinor >= bestPersonHere));
            bestPersonAbove = Math.Max(bestPersonAbove, bestPersonHere);
        }

        return efficient;
    }

    private static (Domain.Accounts.Frequency, int) Key(PlanEvaluation plan) =>
        plan.Terms.IsSettlement ? (Domain.Accounts.Frequency.Monthly, 0) : (plan.Terms.Frequency, plan.Terms.Installments);
}
