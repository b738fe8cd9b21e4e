namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// The frontier that known feasible plans and lines of them (<see cref="DominatedSet"/>) draw in the plane of values, as
/// a requirement per interval of U_c: a plan whose U_c lies in (From, To] and that none of them dominates has
/// PerCompany·U_c + PerPerson·U_d ≥ Level. Below a point, U_d must pass the point's; below a line's region, its cap or its
/// slope. On each interval the highest requirement is kept, so a plan the frontier lets through may still lie in another
/// region (the exact check catches it), but no plan outside every region is ever cut.
/// </summary>
internal sealed class DominatedFrontier
{
    /// <param name="points">Values (U_c, U_d), minor units, of known feasible plans.</param>
    /// <param name="lines">Regions under lines of feasible plans.</param>
    public DominatedFrontier(IEnumerable<(double Company, double Person)> points, IReadOnlyList<DominatedLine> lines)
    {
        var pieces = new List<(double From, double To, long PerCompany, long PerPerson, double Level)>();
        foreach (var (company, person) in points)
        {
            pieces.Add((double.NegativeInfinity, company, 0, 1, person));
        }

        foreach (var line in lines)
        {
            // Left of where the slope meets the cap the region is U_d < cap; right of it, under the slope.
            var corner = Math.Min(line.Company, (line.Level - (line.PerPerson * line.Person)) / line.PerCompany);
            pieces.Add((double.NegativeInfinity, corner, 0, 1, line.Person));
            if (corner < line.Company)
            {
                pieces.Add((corner, line.Company, line.PerCompany, line.PerPerson, line.Level));
            }
        }

        var ends = pieces.SelectMany(p => new[] { p.From, p.To }).Where(double.IsFinite).Distinct().Order().ToArray();
        for (var i = 0; i < ends.Length; i++)
        {
            var (from, to) = (i == 0 ? double.NegativeInfinity : ends[i - 1], ends[i]);
            var at = i == 0 ? to : (from + to) / 2;
            // Plain loops: the fill's frontiers reach a thousand pieces, and this runs once per interval.
            var (required, chosen) = (double.NegativeInfinity, -1);
            for (var p = 0; p < pieces.Count; p++)
            {
                var piece = pieces[p];
                if (piece.From <= from && piece.To >= to && (piece.Level - (piece.PerCompany * at)) / piece.PerPerson is var r && r > required)
                {
                    (required, chosen) = (r, p);
                }
            }

            if (chosen < 0)
            {
                continue;
            }

            var (_, _, perCompany, perPerson, level) = pieces[chosen];
            if (Intervals.Count > 0 && Intervals[^1] is var last && last.To == from
                && (last.PerCompany, last.PerPerson, last.Level) == (perCompany, perPerson, level))
            {
                Intervals[^1] = last with { To = to };
            }
            else
            {
                Intervals.Add((from, to, perCompany, perPerson, level));
            }
        }
    }

    /// <summary>The intervals of U_c by U_c ascending, each with its requirement; right of the last, none.</summary>
    public List<(double From, double To, long PerCompany, long PerPerson, double Level)> Intervals { get; } = [];

    /// <summary>
    /// Which intervals (and, last, the part right of them all) the convex hull of <paramref name="corners"/> has a
    /// point above the requirement of, its U_c in the interval widened by <paramref name="widen"/> on the right: a
    /// piece whose corners are its values raised by its margin can only hold a plan above the frontier there (checked at
    /// the vertices of the hull's part over each slab, <see cref="AnyInSlab"/>).
    /// </summary>
    public bool[] Reachable(IReadOnlyList<(double Company, double Person)> corners, double widen)
    {
        var reachable = new bool[Intervals.Count + 1];
        if (corners.Count == 0)
        {
            return reachable;
        }

        var (least, most) = (corners.Min(c => c.Company), corners.Max(c => c.Company));
        for (var k = 0; k < Intervals.Count; k++)
        {
            var (from, to, perCompany, perPerson, level) = Intervals[k];
            to += widen;
            if (to < least || from > most)
            {
                continue;
            }

            // One minor unit of each value spared for float noise.
            var bar = level - perCompany - perPerson;
            reachable[k] = AnyInSlab(corners, from, to, (company, person) => (perCompany * company) + (perPerson * person) >= bar);
        }

        reachable[^1] = Intervals.Count == 0 || most > Intervals[^1].To;
        return reachable;
    }

    /// <summary>
    /// Whether every point of the convex hull of <paramref name="corners"/> lies under the frontier (so every plan whose
    /// values it holds is dominated): over every interval it spans, no vertex of the hull's part over the slab passes the
    /// requirement (<see cref="AnyInSlab"/>).
    /// </summary>
    public bool Covers(IReadOnlyList<(double Company, double Person)> corners)
    {
        if (corners.Count == 0)
        {
            return true;
        }

        var (least, most) = (corners.Min(c => c.Company), corners.Max(c => c.Company));
        var reached = double.NegativeInfinity;
        foreach (var (from, to, perCompany, perPerson, level) in Intervals)
        {
            if (to < least)
            {
                reached = to;
                continue;
            }

            if (from > reached || from > most)
            {
                break;
            }

            if (AnyInSlab(corners, from, to, (company, person) => (perCompany * company) + (perPerson * person) >= level))
            {
                return false;
            }

            reached = to;
            if (to >= most)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="test"/> holds at a vertex of the convex hull of <paramref name="corners"/> clipped to the
    /// slab from ≤ U_c ≤ to: the corners in the slab, and the crossings of the slab's (finite) sides by the segments
    /// between corners, the hull's edges among them. A linear test holds somewhere in the clipped hull exactly when it
    /// holds at one of these.
    /// </summary>
    private static bool AnyInSlab(IReadOnlyList<(double Company, double Person)> corners, double from, double to, Func<double, double, bool> test)
    {
        for (var i = 0; i < corners.Count; i++)
        {
            var (c1, p1) = corners[i];
            if (c1 >= from && c1 <= to && test(c1, p1))
            {
                return true;
            }

            for (var j = i + 1; j < corners.Count; j++)
            {
                var (c2, p2) = corners[j];
                foreach (var side in new[] { from, to })
                {
                    if (double.IsFinite(side) && (c1 - side) * (c2 - side) < 0 && test(side, p1 + ((p2 - p1) * (side - c1) / (c2 - c1))))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
