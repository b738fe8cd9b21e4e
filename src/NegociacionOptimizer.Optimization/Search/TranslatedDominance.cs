using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// When a fill candidate is dominated, its neighbours usually are too, by the plans at the same offset from its
/// dominators: two structures that differ by one installment have nearly parallel values over the grid (the fill was
/// seen to crawl over monthly n = 47 one band of about thirty amount steps per solve, each band dominated by n = 48 at the
/// same offset). So a box of the candidate's structure is grown around it, every plan of which is evaluated exactly and
/// is either infeasible or dominated by a feasible plan at one of those offsets; the whole box then leaves the fill's
/// scope in one constraint. Nothing in it is efficient, so nothing is lost.
/// </summary>
internal static class TranslatedDominance
{
    /// <summary>The most plans checked for one box (up to about 0.1 s of exact evaluations, less than one fill step).</summary>
    private const int MaxPlans = 32_768;

    /// <summary>The box grown around <paramref name="candidate"/>; null when it holds nothing but the candidate.</summary>
    public static DominatedBox? Around(PlanSpace space, PlanEvaluation candidate, IReadOnlyList<PlanEvaluation> dominators)
    {
        var c = candidate.Terms;
        var offsets = dominators.Where(d => !d.Terms.IsSettlement)
            .Select(d => (d.Terms.Structure, Down: d.Terms.DownPaymentMinor - c.DownPaymentMinor, Discount: d.Terms.DiscountMinor - c.DiscountMinor))
            .Distinct().ToArray();
        if (c.IsSettlement || offsets.Length == 0)
        {
            return null;
        }

        var step = space.Step;
        var b = space.Balance;
        var checkedPlans = 0;
        bool Covered(long down, long discount)
        {
            checkedPlans++;
            if (down + discount >= b)
            {
                return true;
            }

            var plan = PlanEvaluator.Evaluate(space.Context, c with { DownPaymentMinor = down, DiscountMinor = discount }, detail: false);
            if (!plan.IsFeasible)
            {
                return true;
            }

            foreach (var (structure, offsetDown, offsetDiscount) in offsets)
            {
                var (otherDown, otherDiscount) = (down + offsetDown, discount + offsetDiscount);
                if (otherDown < 0 || otherDiscount < 0 || otherDown + otherDiscount >= b)
                {
                    continue;
                }

                var other = PlanEvaluator.Evaluate(
                    space.Context, new PlanTerms(otherDown, otherDiscount, structure.Frequency, structure.Installments, structure.GracePeriods), detail: false);
                if (other.IsFeasible && Dominance.Dominates(other, plan))
                {
                    return true;
                }
            }

            return false;
        }

        // [down, discount] low and high corners, grown one side at a time by strips of doubling width while every plan
        // of the strip is covered, halving the width after a strip that is not.
        var low = (Down: c.DownPaymentMinor, Discount: c.DiscountMinor);
        var high = low;
        // The fill's models never hold a D above the lump sum's steps or a Q above the structure's discount limit.
        var maxDown = space.MaxDownSteps * step;
        var maxDiscount = space.Structures.First(s => s.Structure == c.Structure).MaxDiscountSteps * step;
        var widths = new long[] { 1, 1, 1, 1 };
        var open = new[] { true, true, true, true };
        while (open.Any(o => o) && checkedPlans < MaxPlans)
        {
            for (var side = 0; side < 4; side++)
            {
                if (!open[side])
                {
                    continue;
                }

                var width = widths[side] * step;
                var (downFrom, downTo, discountFrom, discountTo) = side switch
                {
                    0 => (low.Down - width, low.Down - step, low.Discount, high.Discount),
                    1 => (high.Down + step, high.Down + width, low.Discount, high.Discount),
                    2 => (low.Down, high.Down, low.Discount - width, low.Discount - step),
                    _ => (low.Down, high.Down, high.Discount + step, high.Discount + width),
                };
                var inside = downFrom >= 0 && discountFrom >= 0 && downTo <= maxDown && discountTo <= maxDiscount;
                var plans = ((downTo - downFrom) / step + 1) * ((discountTo - discountFrom) / step + 1);
                if (!inside || checkedPlans + plans > MaxPlans || !AllCovered(downFrom, downTo, discountFrom, discountTo))
                {
                    widths[side] /= 2;
                    open[side] = widths[side] >= 1;
                    continue;
                }

                (low, high) = side switch
                {
                    0 => ((downFrom, low.Discount), high),
                    1 => (low, (downTo, high.Discount)),
                    2 => ((low.Down, discountFrom), high),
                    _ => (low, (high.Down, discountTo)),
                };
                widths[side] *= 2;
            }
        }

        bool AllCovered(long downFrom, long downTo, long discountFrom, long discountTo)
        {
            for (var down = downFrom; down <= downTo; down += step)
            {
                for (var discount = discountFrom; discount <= discountTo; discount += step)
                {
                    if (!Covered(down, discount))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        return low == high ? null : new DominatedBox(c.Structure, low.Down, high.Down, low.Discount, high.Discount);
    }
}
