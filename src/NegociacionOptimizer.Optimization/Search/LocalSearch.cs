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
    /// <summary>The best feasible plan reached from <paramref name="start"/>, not dominated by <paramref name="dominators"/>.</summary>
    /// <param name="space">The plan space.</param>
    /// <param name="start">Where to start.</param>
    /// <param name="dominators">Plans known to dominate others: what they dominate is not a move.</param>
    public static PlanEvaluation Climb(PlanSpace space, PlanEvaluation start, IReadOnlyList<PlanEvaluation> dominators)
    {
        if (start.Score <= 0)
        {
            return start;
        }

        if (start.Terms.IsSettlement)
        {
            return ClimbSettlement(space, start, dominators);
        }

        var step = space.Step;
        var best = start;
        for (var move = Math.Max(1, space.Balance / step / 4); move >= 1;)
        {
            var moved = false;
            // Along D, along Q, and along the edges where capacity binds: D + Q (so F and the installment) held fixed.
            foreach (var (down, discount) in (ReadOnlySpan<(long, long)>)[(move, 0), (-move, 0), (0, move), (0, -move), (move, -move), (-move, move), (move, move), (-move, -move)])
            {
                var t = best.Terms;
                var candidate = t with
                {
                    DownPaymentMinor = t.DownPaymentMinor + (down * step),
                    DiscountMinor = t.DiscountMinor + (discount * step),
                };
                if (candidate.DownPaymentMinor < 0 || candidate.DownPaymentMinor > space.MaxDownSteps * step || candidate.DiscountMinor < 0
                    || candidate.DownPaymentMinor + candidate.DiscountMinor >= space.Balance)
                {
                    continue;
                }

                var evaluation = PlanEvaluator.Evaluate(space.Context, candidate, detail: false);
                if (evaluation.IsFeasible && evaluation.Score > best.Score && !Dominance.AnyDominates(dominators, evaluation))
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

    /// <summary>
    /// The settlement's plans lie on one line (D = B − Q), along which N is unimodal: moves of ±2^k steps of Q find its
    /// best grid point, so a single solve proves it instead of a crawl inward from both ends of the level set.
    /// </summary>
    private static PlanEvaluation ClimbSettlement(PlanSpace space, PlanEvaluation start, IReadOnlyList<PlanEvaluation> dominators)
    {
        var step = space.Step;
        var best = start;
        for (var move = Math.Max(1, space.Balance / step / 4); move >= 1;)
        {
            var moved = false;
            foreach (var sign in (ReadOnlySpan<long>)[1, -1])
            {
                var discount = best.Terms.DiscountMinor + (sign * move * step);
                if (discount < 0 || discount > space.Balance)
                {
                    continue;
                }

                var evaluation = PlanEvaluator.Evaluate(space.Context, PlanTerms.Settlement(space.Balance, discount), detail: false);
                if (evaluation.IsFeasible && evaluation.Score > best.Score && !Dominance.AnyDominates(dominators, evaluation))
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
