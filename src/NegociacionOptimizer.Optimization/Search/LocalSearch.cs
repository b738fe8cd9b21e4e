using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// Pattern search on the grid of D and Q inside one structure, with exact evaluations: moves of ±2^k steps (along D,
/// along Q and diagonally) while N rises, halving the move when none does. CP-SAT's linear objective lands on corners of a structure's region while N's
/// optimum is often inside an edge; climbing there first makes the tangent cut at the incumbent far tighter, so the
/// search needs a few solves instead of a crawl of one step per solve. It only improves the incumbent: the optimum is
/// still proven by CP-SAT.
/// </summary>
internal static class LocalSearch
{
    /// <summary>Moves of a plan: along D, along Q, and along the edges where capacity binds (D + Q, so F and A, fixed).</summary>
    private static readonly (long Down, long Discount)[] PlanMoves = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1), (1, 1), (-1, -1)];

    /// <summary>
    /// Moves along a line of equal D + Q (a settlement's line is D = B − Q), where N is unimodal, so the climb finds the
    /// line's best grid point and a single solve proves it (without it, the solver crawled inward from both ends of the
    /// level set).
    /// </summary>
    private static readonly (long Down, long Discount)[] LineMoves = [(-1, 1), (1, -1)];

    /// <summary>How many steps a ridge move's landing may be corrected by, each way (<see cref="Ridge"/>).</summary>
    private const long RidgeCorrection = 2;

    /// <summary>The best feasible plan reached from <paramref name="start"/> that is not known to be <paramref name="dominated"/>.</summary>
    /// <param name="space">The plan space.</param>
    /// <param name="start">Where to start.</param>
    /// <param name="dominated">Plans known not to be efficient: not a move.</param>
    public static PlanEvaluation Climb(PlanSpace space, PlanEvaluation start, Func<PlanEvaluation, bool> dominated) =>
        Climb(space, start, dominated, start.Terms.IsSettlement ? LineMoves : PlanMoves);

    /// <summary>
    /// The best feasible plan reached from <paramref name="start"/> along its line of equal D + Q that is not known to be
    /// <paramref name="dominated"/>: its neighbours on the line are then worse, so the line's rays close around it.
    /// </summary>
    public static PlanEvaluation ClimbLine(PlanSpace space, PlanEvaluation start, Func<PlanEvaluation, bool> dominated) =>
        Climb(space, start, dominated, LineMoves);

    /// <summary>
    /// A box of <paramref name="start"/>'s structure around it, every plan of which was evaluated exactly: each side grows
    /// one grid line at a time while the line holds a feasible plan with N ≥ <paramref name="floor"/>, within
    /// <paramref name="maxEvaluations"/>. Returns the box and the best feasible plan in it
    /// that is not known to be <paramref name="dominated"/> (null for none). Near the best, where the installment's
    /// rounding makes N rise and fall from one step to the next, the cuts' margin lets through a band of plans that the
    /// solver returned one per solve (24 solves for one class of a random request); a box closes the band at once.
    /// </summary>
    public static (DominatedBox Box, PlanEvaluation? Best) Plateau(
        PlanSpace space, PlanEvaluation start, double floor, Func<PlanEvaluation, bool> dominated, int maxEvaluations)
    {
        var terms = start.Terms;
        var step = space.Step;
        var maxDown = space.MaxDownSteps * step;
        var maxDiscount = space.Structures.First(s => s.Structure == terms.Structure).MaxDiscountSteps * step;
        var (downLow, downHigh, discountLow, discountHigh) = (terms.DownPaymentMinor, terms.DownPaymentMinor, terms.DiscountMinor, terms.DiscountMinor);
        PlanEvaluation? best = start.IsFeasible && !dominated(start) ? start : null;
        var evaluations = 0;

        // Evaluates one grid line of the box's side; true when it holds a plan at or above the floor.
        bool Strip(long fromDown, long toDown, long fromDiscount, long toDiscount)
        {
            var near = false;
            for (var down = fromDown; down <= toDown; down += step)
            {
                for (var discount = fromDiscount; discount <= toDiscount && down + discount < space.Balance; discount += step)
                {
                    evaluations++;
                    var plan = PlanEvaluator.Evaluate(space.Context, terms with { DownPaymentMinor = down, DiscountMinor = discount }, detail: false);
                    if (!plan.IsFeasible)
                    {
                        continue;
                    }

                    near |= plan.Score >= floor;
                    if ((best is null || plan.Score > best.Score) && !dominated(plan))
                    {
                        best = plan;
                    }
                }
            }

            return near;
        }

        var open = new[] { true, true, true, true };
        while (open.Any(o => o))
        {
            for (var side = 0; side < 4; side++)
            {
                var width = side < 2 ? ((discountHigh - discountLow) / step) + 1 : ((downHigh - downLow) / step) + 1;
                if (!open[side] || evaluations + width > maxEvaluations)
                {
                    open[side] = false;
                    continue;
                }

                switch (side)
                {
                    case 0 when downLow - step >= 0:
                        open[side] = Strip(downLow - step, downLow - step, discountLow, discountHigh);
                        downLow -= step;
                        break;
                    case 1 when downHigh + step <= maxDown && downHigh + step + discountLow < space.Balance:
                        open[side] = Strip(downHigh + step, downHigh + step, discountLow, discountHigh);
                        downHigh += step;
                        break;
                    case 2 when discountLow - step >= 0:
                        open[side] = Strip(downLow, downHigh, discountLow - step, discountLow - step);
                        discountLow -= step;
                        break;
                    case 3 when discountHigh + step <= maxDiscount && downLow + discountHigh + step < space.Balance:
                        open[side] = Strip(downLow, downHigh, discountHigh + step, discountHigh + step);
                        discountHigh += step;
                        break;
                    default:
                        open[side] = false;
                        break;
                }
            }
        }

        return (new DominatedBox(terms.Structure, downLow, downHigh, discountLow, discountHigh), best);
    }

    /// <summary>
    /// When <paramref name="to"/> lies on a line of equal D or of equal Q through <paramref name="from"/>, of the same
    /// structure, fewer than <paramref name="maxEvaluations"/> plans apart: the best feasible plan between them, every one
    /// evaluated exactly, that is not known to be <paramref name="dominated"/>. Null when there is none or the two do not
    /// share such a line.
    /// </summary>
    public static PlanEvaluation? Segment(
        PlanSpace space, PlanEvaluation from, PlanEvaluation to, Func<PlanEvaluation, bool> dominated, int maxEvaluations)
    {
        var (a, b) = (from.Terms, to.Terms);
        var step = space.Step;
        var sameDown = a.DownPaymentMinor == b.DownPaymentMinor;
        if (a.IsSettlement || b.IsSettlement || a.Structure != b.Structure || sameDown == (a.DiscountMinor == b.DiscountMinor))
        {
            return null;
        }

        var (low, high) = sameDown
            ? (Math.Min(a.DiscountMinor, b.DiscountMinor), Math.Max(a.DiscountMinor, b.DiscountMinor))
            : (Math.Min(a.DownPaymentMinor, b.DownPaymentMinor), Math.Max(a.DownPaymentMinor, b.DownPaymentMinor));
        if ((high - low) / step < 2 || (high - low) / step >= maxEvaluations)
        {
            return null;
        }

        PlanEvaluation? best = null;
        for (var at = low; at <= high; at += step)
        {
            var plan = PlanEvaluator.Evaluate(space.Context, sameDown ? a with { DiscountMinor = at } : a with { DownPaymentMinor = at }, detail: false);
            if (plan.IsFeasible && (best is null || plan.Score > best.Score) && !dominated(plan))
            {
                best = plan;
            }
        }

        return best;
    }

    /// <summary>
    /// Follows the move from <paramref name="from"/> to <paramref name="to"/>, a better plan of the same structure that
    /// the solver found, in multiples of the same move while N rises, each landing corrected by up to
    /// <see cref="RidgeCorrection"/> steps along the move's larger axis. A rule that binds along a slanted line of the
    /// grid (the least down payment, D ≥ x·(B − Q): Q falls 10 steps per step of D at 10 %) makes N's best lie on a
    /// digital line that none of the climb's moves follows: the solver found its points one per solve (16 solves for one
    /// class of a random request), each a few millionths better than the last.
    /// </summary>
    public static PlanEvaluation Ridge(PlanSpace space, PlanEvaluation from, PlanEvaluation to, Func<PlanEvaluation, bool> dominated)
    {
        var (a, b) = (from.Terms, to.Terms);
        var step = space.Step;
        var (down, discount) = ((b.DownPaymentMinor - a.DownPaymentMinor) / step, (b.DiscountMinor - a.DiscountMinor) / step);
        if (a.IsSettlement || b.IsSettlement || a.Structure != b.Structure || to.Score <= from.Score || (down == 0 && discount == 0))
        {
            return to;
        }

        var maxDown = space.MaxDownSteps * step;
        var alongDown = Math.Abs(down) >= Math.Abs(discount);
        PlanEvaluation? Landing(PlanEvaluation at, long multiple)
        {
            PlanEvaluation? best = null;
            for (var correction = -RidgeCorrection; correction <= RidgeCorrection; correction++)
            {
                var candidate = at.Terms with
                {
                    DownPaymentMinor = at.Terms.DownPaymentMinor + (((multiple * down) + (alongDown ? correction : 0)) * step),
                    DiscountMinor = at.Terms.DiscountMinor + (((multiple * discount) + (alongDown ? 0 : correction)) * step),
                };
                if (candidate.DownPaymentMinor < 0 || candidate.DownPaymentMinor > maxDown || candidate.DiscountMinor < 0
                    || candidate.DownPaymentMinor + candidate.DiscountMinor >= space.Balance)
                {
                    continue;
                }

                var evaluation = PlanEvaluator.Evaluate(space.Context, candidate, detail: false);
                if (evaluation.IsFeasible && evaluation.Score > (best?.Score ?? at.Score) && !dominated(evaluation))
                {
                    best = evaluation;
                }
            }

            return best;
        }

        var top = to;
        var multiple = 1L;
        while (Landing(top, multiple) is { } further)
        {
            top = further;
            multiple *= 2;
        }

        for (multiple /= 2; multiple >= 1; multiple /= 2)
        {
            while (Landing(top, multiple) is { } further)
            {
                top = further;
            }
        }

        return top;
    }

    private static PlanEvaluation Climb(PlanSpace space, PlanEvaluation start, Func<PlanEvaluation, bool> dominated, (long Down, long Discount)[] moves)
    {
        if (start.Score <= 0)
        {
            return start;
        }

        var settlement = start.Terms.IsSettlement;
        var maxDown = settlement ? space.Balance : space.MaxDownSteps * space.Step;
        var step = space.Step;
        var best = start;
        for (var move = Math.Max(1, space.Balance / step / 4); move >= 1;)
        {
            var moved = false;
            foreach (var (down, discount) in moves)
            {
                var t = best.Terms;
                var candidate = t with
                {
                    DownPaymentMinor = t.DownPaymentMinor + (down * move * step),
                    DiscountMinor = t.DiscountMinor + (discount * move * step),
                };
                var total = candidate.DownPaymentMinor + candidate.DiscountMinor;
                if (candidate.DownPaymentMinor < 0 || candidate.DownPaymentMinor > maxDown || candidate.DiscountMinor < 0
                    || (settlement ? total != space.Balance : total >= space.Balance))
                {
                    continue;
                }

                var evaluation = PlanEvaluator.Evaluate(space.Context, candidate, detail: false);
                if (evaluation.IsFeasible && evaluation.Score > best.Score && !dominated(evaluation))
                {
                    best = evaluation;
                    moved = true;
                    break;
                }
            }

            if (!moved)
            {
                move /= 2;
            }
        }

        return best;
    }
}
