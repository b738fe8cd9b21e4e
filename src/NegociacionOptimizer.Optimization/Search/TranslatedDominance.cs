using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// When a fill candidate is dominated, its neighbours usually are too, by the plans at the same offset from its
/// dominators: two structures that differ by one installment have nearly parallel values over the grid (the fill was
/// seen to crawl over monthly n = 47 one band of about thirty amount steps per solve, each band dominated by n = 48 at the
/// same offset). So a box of the candidate's structure is grown around it in which every plan is infeasible or dominated
/// by the feasible plan at one of those offsets; the whole box then leaves the fill's scope in one constraint. Nothing
/// in it is efficient, so nothing is lost.
/// <para>
/// The box is checked line by line. On a line of equal D + Q the financed amount, the installments and the burden
/// bucket are fixed in both structures, so both plans' U_c and U_d are affine in D and every rule holds on an interval
/// of the line (docs/ENGINE.md, "Lines of equal D + Q"). Hence when both ends of a segment are feasible and the same
/// offset's plans, feasible too, dominate them with the same value strictly higher, every plan between is covered; a
/// segment whose ends do not settle it is halved, down to plan-by-plan checks.
/// </para>
/// </summary>
internal static class TranslatedDominance
{
    /// <summary>The most exact evaluations spent on one box (a few milliseconds).</summary>
    private const int MaxEvaluations = 8_192;

    /// <summary>Segments this short are checked plan by plan.</summary>
    private const long ShortSegment = 4;

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
        var evaluations = 0;

        PlanEvaluation Evaluate(PlanTerms terms)
        {
            evaluations++;
            return PlanEvaluator.Evaluate(space.Context, terms, detail: false);
        }

        PlanEvaluation? Other(int offset, long down, long discount)
        {
            var (structure, offsetDown, offsetDiscount) = offsets[offset];
            var (otherDown, otherDiscount) = (down + offsetDown, discount + offsetDiscount);
            return otherDown < 0 || otherDiscount < 0 || otherDown + otherDiscount >= b
                ? null
                : Evaluate(new PlanTerms(otherDown, otherDiscount, structure.Frequency, structure.Installments, structure.GracePeriods));
        }

        bool PlanCovered(long down, long sum)
        {
            var plan = Evaluate(c with { DownPaymentMinor = down, DiscountMinor = sum - down });
            return !plan.IsFeasible || Enumerable.Range(0, offsets.Length)
                .Any(offset => Other(offset, down, sum - down) is { IsFeasible: true } other && Dominance.Dominates(other, plan));
        }

        // Every plan of the line D + Q = sum with D from downFrom to downTo (minor units) is infeasible or dominated.
        bool SegmentCovered(long sum, long downFrom, long downTo)
        {
            if (evaluations > MaxEvaluations)
            {
                return false;
            }

            if ((downTo - downFrom) / step < ShortSegment)
            {
                for (var down = downFrom; down <= downTo; down += step)
                {
                    if (!PlanCovered(down, sum))
                    {
                        return false;
                    }
                }

                return true;
            }

            var first = Evaluate(c with { DownPaymentMinor = downFrom, DiscountMinor = sum - downFrom });
            var last = Evaluate(c with { DownPaymentMinor = downTo, DiscountMinor = sum - downTo });
            if (first.IsFeasible && last.IsFeasible)
            {
                for (var offset = 0; offset < offsets.Length; offset++)
                {
                    if (Other(offset, downFrom, sum - downFrom) is { IsFeasible: true } atFirst
                        && Other(offset, downTo, sum - downTo) is { IsFeasible: true } atLast
                        && Dominance.DominatesOnSegment(atFirst, first, atLast, last))
                    {
                        return true;
                    }
                }
            }

            var middle = downFrom + ((downTo - downFrom) / step / 2 * step);
            return SegmentCovered(sum, downFrom, middle) && SegmentCovered(sum, middle + step, downTo);
        }

        // Every plan with D in [downLow, downHigh] and Q in [discountLow, discountHigh], line by line.
        bool BoxCovered(long downLow, long downHigh, long discountLow, long discountHigh)
        {
            for (var sum = downLow + discountLow; sum <= downHigh + discountHigh; sum += step)
            {
                if (sum >= b)
                {
                    break;
                }

                if (!SegmentCovered(sum, Math.Max(downLow, sum - discountHigh), Math.Min(downHigh, sum - discountLow)))
                {
                    return false;
                }
            }

            return true;
        }

        // The fill's models never hold a D above the lump sum's steps or a Q above the structure's discount limit.
        var maxDown = space.MaxDownSteps * step;
        var maxDiscount = space.Structures.First(s => s.Structure == c.Structure).MaxDiscountSteps * step;
        var low = (Down: c.DownPaymentMinor, Discount: c.DiscountMinor);
        var high = low;
        var widths = new long[] { 1, 1, 1, 1 };
        // Each side grows by strips of doubling width while the strip is covered, halving the width after one that is not.
        while (widths.Any(w => w >= 1) && evaluations <= MaxEvaluations)
        {
            for (var side = 0; side < 4; side++)
            {
                if (widths[side] < 1)
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
                if (!inside || !BoxCovered(downFrom, downTo, discountFrom, discountTo))
                {
                    widths[side] /= 2;
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

        return low == high ? null : new DominatedBox(c.Structure, low.Down, high.Down, low.Discount, high.Discount);
    }
}
