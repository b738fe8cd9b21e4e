using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// The values a line of feasible plans dominates, as one linear region: every (U_c, U_d) with U_c ≤ <see cref="Company"/>,
/// U_d &lt; <see cref="Person"/> and <see cref="PerCompany"/>·U_c + <see cref="PerPerson"/>·U_d &lt; <see cref="Level"/>.
/// <para>
/// On a line of equal D + Q of one structure (a settlement's line is D = B − Q) U_c and U_d are affine in D and the
/// feasible plans form an interval (docs/ENGINE.md, "Lines of equal D + Q"), so when one value rises as the other falls
/// the plans are a staircase of equal steps in the plane of values. The staircase's inner corners lie on one line, and
/// everything under it is dominated by the plan of the step above. The fill's candidates used to walk under such a
/// frontier one notch between two known dominators per solve (a 47-installment structure under the 48-installment line
/// of the same D + Q: about 40 candidates of 5 solves each); the line's region closes all of them in one constraint.
/// </para>
/// </summary>
internal sealed record DominatedLine(double Company, double Person, long PerCompany, long PerPerson, double Level)
{
    /// <summary>Scale of the region's integer slope: the larger coefficient.</summary>
    private const long SlopeScale = 1 << 16;

    /// <summary>Minor units kept between the region and the staircase, against float noise in the affine values.</summary>
    private const double Slack = 1.0;

    /// <summary>Plans evaluated on each side of a plan along a line of equal D or of equal Q.</summary>
    private const int MaxPlansPerSide = 1024;

    /// <summary>How many times a staircase is halved at most (so at most 2^4 regions).</summary>
    private const int MaxSplits = 4;

    /// <summary>The sag, in mean steps of U_d, above which a staircase's region is split.</summary>
    private const double MaxSag = 4;

    /// <summary>The largest deviation from affine, minor units, accepted at the line's middle plan.</summary>
    private const double AffineTolerance = 1e-3;

    /// <summary>Whether <paramref name="plan"/>'s values lie in the region (so a feasible plan dominates it).</summary>
    public bool Contains(PlanEvaluation plan) => Contains(plan.CompanyValueMinor, plan.PersonValueMinor);

    /// <summary>Whether the values (U_c, U_d), minor units, lie in the region.</summary>
    public bool Contains(double company, double person) =>
        company <= Company && person < Person && (PerCompany * company) + (PerPerson * person) < Level;

    /// <summary>
    /// The regions under the lines of feasible plans through <paramref name="plan"/>: its line of equal D + Q, and (not
    /// for a settlement) its lines of equal D and of equal Q, each kept when it holds a staircase of three plans or
    /// more. A structure's frontier of values runs along such lines (D + Q where the capacity binds, Q where the down
    /// payment is at its least or its most, D where the discount is).
    /// </summary>
    /// <param name="space">The plan space.</param>
    /// <param name="plan">A feasible plan.</param>
    /// <param name="staircases">Receives the exact staircases of the same lines (<see cref="Staircase"/>), when given.</param>
    public static List<DominatedLine> Through(PlanSpace space, PlanEvaluation plan, List<Staircase>? staircases = null)
    {
        var lines = new List<DominatedLine>();
        if (!plan.IsFeasible)
        {
            return lines;
        }

        if (AlongSum(space, plan, staircases) is { } sum)
        {
            lines.Add(sum);
        }

        if (plan.Terms.IsSettlement)
        {
            return lines;
        }

        foreach (var (down, discount) in new[] { (0L, 1L), (1L, 0L) })
        {
            lines.AddRange(Along(space, plan, down, discount, staircases));
        }

        return lines;
    }

    /// <summary>
    /// The line of equal D + Q: the feasible plans are an interval and both values affine, so the interval's ends
    /// (doubling moves, then halving back) and an affinity check at its middle give the whole staircase.
    /// </summary>
    private static DominatedLine? AlongSum(PlanSpace space, PlanEvaluation plan, List<Staircase>? staircases)
    {
        var terms = plan.Terms;
        var step = space.Step;
        var sum = terms.DownPaymentMinor + terms.DiscountMinor;
        var maxDown = Math.Min(terms.IsSettlement ? space.Balance : space.MaxDownSteps * step, sum);

        PlanEvaluation? At(long down) =>
            down < 0 || down > maxDown ? null
            : PlanEvaluator.Evaluate(space.Context, terms with { DownPaymentMinor = down, DiscountMinor = sum - down }, detail: false) is { IsFeasible: true } e ? e : null;

        (long Down, PlanEvaluation Plan) End(int direction)
        {
            var (down, end) = (terms.DownPaymentMinor, plan);
            var move = 1L;
            for (; At(down + (direction * move * step)) is { } next; move *= 2)
            {
                (down, end) = (down + (direction * move * step), next);
            }

            for (move /= 2; move >= 1; move /= 2)
            {
                if (At(down + (direction * move * step)) is { } next)
                {
                    (down, end) = (down + (direction * move * step), next);
                }
            }

            return (down, end);
        }

        var (lowDown, low) = End(-1);
        var (highDown, high) = End(1);
        var steps = (highDown - lowDown) / step;
        if (steps < 2)
        {
            return null;
        }

        var middle = At(lowDown + (steps / 2 * step));
        var t = (double)(steps / 2) / steps;
        if (middle is null
            || Math.Abs(middle.CompanyValueMinor - (low.CompanyValueMinor + (t * (high.CompanyValueMinor - low.CompanyValueMinor)))) > AffineTolerance
            || Math.Abs(middle.PersonValueMinor - (low.PersonValueMinor + (t * (high.PersonValueMinor - low.PersonValueMinor)))) > AffineTolerance)
        {
            return null;
        }

        // Equal steps: the corners' level is affine in their index, so the first and the last corner bound it.
        var (top, bottom) = high.CompanyValueMinor >= low.CompanyValueMinor ? (high, low) : (low, high);
        var (companyStep, personStep) = ((top.CompanyValueMinor - bottom.CompanyValueMinor) / steps, (bottom.PersonValueMinor - top.PersonValueMinor) / steps);
        if (companyStep <= 0 || personStep <= 0)
        {
            return null;
        }

        staircases?.Add(Staircase.Between((bottom.CompanyValueMinor, bottom.PersonValueMinor), (top.CompanyValueMinor, top.PersonValueMinor), steps));
        return Under(
            (top.CompanyValueMinor, top.PersonValueMinor), (bottom.CompanyValueMinor, bottom.PersonValueMinor),
            [(top.CompanyValueMinor - companyStep, top.PersonValueMinor), (bottom.CompanyValueMinor, bottom.PersonValueMinor - personStep)]);
    }

    /// <summary>
    /// A line of equal D (<paramref name="down"/> = 0) or of equal Q, moving (<paramref name="down"/>,
    /// <paramref name="discount"/>) grid steps at a time, where the installment's rounding makes the values only nearly
    /// affine: every plan visited is evaluated, at most <see cref="MaxPlansPerSide"/> on each side of the given one, up to
    /// the first infeasible one.
    /// </summary>
    private static IEnumerable<DominatedLine> Along(PlanSpace space, PlanEvaluation plan, long down, long discount, List<Staircase>? staircases)
    {
        var terms = plan.Terms;
        var step = space.Step;
        var points = new List<(double Company, double Person)> { (plan.CompanyValueMinor, plan.PersonValueMinor) };
        foreach (var side in new[] { -1, 1 })
        {
            if (side == 1)
            {
                // The run in grid order: the plans below the given one were added nearest first.
                points.Reverse();
            }

            for (var k = 1; k <= MaxPlansPerSide; k++)
            {
                var next = terms with
                {
                    DownPaymentMinor = terms.DownPaymentMinor + (side * k * down * step),
                    DiscountMinor = terms.DiscountMinor + (side * k * discount * step),
                };
                if (next.DownPaymentMinor < 0 || next.DiscountMinor < 0 || next.DownPaymentMinor + next.DiscountMinor >= space.Balance
                    || PlanEvaluator.Evaluate(space.Context, next, detail: false) is not { IsFeasible: true } evaluation)
                {
                    break;
                }

                points.Add((evaluation.CompanyValueMinor, evaluation.PersonValueMinor));
            }
        }

        staircases?.AddRange(Staircase.Fit(points));

        // The staircase: by U_c descending, each point with U_d above the previous one's.
        var stairs = new List<(double Company, double Person)>();
        foreach (var point in points.OrderByDescending(p => p.Company).ThenByDescending(p => p.Person))
        {
            if (stairs.Count == 0 || point.Person > stairs[^1].Person)
            {
                stairs.Add(point);
            }
        }

        return stairs.Count < 3 ? [] : Split(stairs, 0, stairs.Count - 1, MaxSplits);
    }

    /// <summary>
    /// The regions under stairs <paramref name="first"/> to <paramref name="last"/>, split in halves while the line sags
    /// more than <see cref="MaxSag"/> mean steps under the farthest corner: one slope for a long, curved staircase
    /// would leave its middle uncovered, where the fill's candidates then walk.
    /// </summary>
    private static IEnumerable<DominatedLine> Split(List<(double Company, double Person)> stairs, int first, int last, int splits)
    {
        var line = Under(stairs[first], stairs[last], Enumerable.Range(first, last - first).Select(j => (stairs[j + 1].Company, stairs[j].Person)));
        var meanStep = (stairs[last].Person - stairs[first].Person) / (last - first);
        var sag = Enumerable.Range(first, last - first)
            .Max(j => (line.PerCompany * stairs[j + 1].Company) + (line.PerPerson * stairs[j].Person) - line.Level) / line.PerPerson;
        if (splits == 0 || last - first < 4 || sag <= MaxSag * meanStep)
        {
            return [line];
        }

        var middle = (first + last) / 2;
        return Split(stairs, first, middle, splits - 1).Concat(Split(stairs, middle, last, splits - 1));
    }

    /// <summary>
    /// The region under a staircase from <paramref name="top"/> (highest U_c) to <paramref name="bottom"/> (highest
    /// U_d): plan j dominates every value with U_c in (U_c(j+1), U_c(j)] and U_d &lt; U_d(j), so the region's line, with
    /// the slope of the ends scaled to integers, passes under every inner corner (U_c(j+1), U_d(j)).
    /// </summary>
    private static DominatedLine Under((double Company, double Person) top, (double Company, double Person) bottom, IEnumerable<(double Company, double Person)> corners)
    {
        var (companyRange, personRange) = (top.Company - bottom.Company, bottom.Person - top.Person);
        var (perCompany, perPerson) = personRange <= companyRange
            ? (Math.Max(1, (long)Math.Round(SlopeScale * personRange / companyRange)), SlopeScale)
            : (SlopeScale, Math.Max(1, (long)Math.Round(SlopeScale * companyRange / personRange)));
        var level = corners.Min(c => (perCompany * c.Company) + (perPerson * c.Person)) - ((perCompany + perPerson) * Slack);
        return new DominatedLine(top.Company, bottom.Person - Slack, perCompany, perPerson, level);
    }
}
