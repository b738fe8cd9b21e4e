using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Model;

/// <summary>
/// The continuous relaxation of one piece's plans, in (D, Q) minor units: the polygon cut by the grid bounds of D and Q,
/// the financed amount F = B − D − Q that the piece's installment range allows (A ∈ [a·F − r, a·F + 2r], wider than the
/// model's ceiling), D + Q ≤ B − 1 and the minimum down payment. Every plan the model allows in the piece lies inside,
/// so the largest value of a linear form over its vertices bounds the form over the piece's plans: a piece whose bound
/// cannot reach what the search needs holds no plan it wants and is left out of the model, which is then smaller and
/// proves faster. Usury cap and last installment are not part of the relaxation (it only has to contain the plans).
/// </summary>
internal sealed class PieceRegion
{
    private static readonly HashSet<Rule> NoRules = [];
    private readonly (double Down, double Discount)[] _vertices;
    private readonly Piece _piece;
    private readonly double _annuity;
    private readonly double _balance;
    private readonly double _rounding;

    /// <param name="space">The plan space.</param>
    /// <param name="structure">The piece's structure.</param>
    /// <param name="piece">The piece.</param>
    /// <param name="tight">
    /// Bound F by the installment's exact ceiling instead of the widened range: no longer a relaxation (the grid's
    /// rounding can leave its edges), but its points sit where feasible plans are, for a heuristic to start from.
    /// </param>
    /// <param name="relaxed">Rules left out of the region (a diagnosis relaxing them); null for none.</param>
    public PieceRegion(PlanSpace space, StructureSpace structure, Piece piece, bool tight = false, IReadOnlySet<Rule>? relaxed = null)
    {
        relaxed ??= NoRules;
        _piece = piece;
        _annuity = structure.Profile.AnnuityFactor;
        _balance = space.Balance;
        _rounding = space.Rounding;
        var lowUnits = relaxed.Contains(Rule.MinInstallment) ? piece.LowUnits : Math.Max(piece.LowUnits, structure.MinUnits);
        var capacityUnits = Math.Min(
            relaxed.Contains(Rule.Burden) ? long.MaxValue : structure.BurdenUnits,
            relaxed.Contains(Rule.StatedCapacity) ? long.MaxValue : structure.StatedUnits ?? long.MaxValue);
        var highUnits = Math.Min(piece.HighUnits, capacityUnits);
        if (lowUnits > highUnits)
        {
            _vertices = [];
            return;
        }

        var b = _balance;
        var minFinanced = (lowUnits - (tight ? 1 : 2)) * _rounding / _annuity;
        var maxFinanced = (highUnits + (tight ? 0 : 1)) * _rounding / _annuity;
        var minDownBp = relaxed.Contains(Rule.MinDownPayment) ? 0 : space.Context.Policy.MinDownPaymentBp;
        var maxDown = relaxed.Contains(Rule.LumpSum) ? b : space.MaxDownSteps * (double)space.Step;
        var maxDiscount = relaxed.Contains(Rule.DiscountLimit) ? b : structure.MaxDiscountSteps * (double)space.Step;
        // Half-planes a·D + c·Q ≤ rhs.
        (double A, double C, double Rhs)[] sides =
        [
            (-1, 0, 0),
            (1, 0, maxDown),
            (0, -1, 0),
            (0, 1, maxDiscount),
            (1, 1, Math.Min(b - 1, b - minFinanced)),
            (-1, -1, maxFinanced - b),
            (-10_000, -minDownBp, -(double)minDownBp * b),
        ];
        _vertices = Vertices(sides, 1e-9 * (b + 1));
        if (_vertices.Length == 0)
        {
            return;
        }

        // The installment follows F (k = ⌈F·a/r⌉ up to the model's coefficient rounding, one unit each side) and F's
        // range on the polygon is often narrower than the piece's bucket: the tighter of the two bounds k.
        var spentMost = _vertices.Max(v => v.Down + v.Discount);
        var spentLeast = _vertices.Min(v => v.Down + v.Discount);
        LowUnits = Math.Max(lowUnits, (long)Math.Floor((b - spentMost) * _annuity / _rounding) - 1);
        HighUnits = Math.Min(highUnits, (long)Math.Ceiling((b - spentLeast) * _annuity / _rounding) + 1);
        LeastDown = Math.Max(0, _vertices.Min(v => v.Down) - 1);
        PeriodsPerYear = structure.Profile.PeriodsPerYear;
    }

    /// <summary>No plan of the piece has an installment below this many rounding units.</summary>
    public long LowUnits { get; }

    /// <summary>No plan of the piece has an installment above this many rounding units.</summary>
    public long HighUnits { get; }

    /// <summary>No plan of the piece has a down payment below this, minor units.</summary>
    public double LeastDown { get; }

    /// <summary>The structure's installments per year.</summary>
    public int PeriodsPerYear { get; }

    /// <summary>The polygon's vertices and the midpoints of every two of them, (D, Q) in minor units.</summary>
    public IEnumerable<(double Down, double Discount)> Points()
    {
        for (var i = 0; i < _vertices.Length; i++)
        {
            yield return _vertices[i];
            for (var j = i + 1; j < _vertices.Length; j++)
            {
                yield return ((_vertices[i].Down + _vertices[j].Down) / 2, (_vertices[i].Discount + _vertices[j].Discount) / 2);
            }
        }
    }

    /// <summary>U_c and U_d, minor units, of the linear forms at (D, Q), the installment taken half a rounding unit above a·F.</summary>
    public (double Company, double Person) Values(double down, double discount) =>
        ValuesAt(down, discount, Installment(down, discount) + (_rounding / 2), 0);

    /// <summary>True when no plan of the piece meets its installment, capacity and grid bounds.</summary>
    public bool IsEmpty => _vertices.Length == 0;

    /// <summary>
    /// An upper bound, minor units, of perCompany·U_c + perPerson·U_d over the piece's plans, with both values taken from
    /// the piece's linear forms (within the model's rounding margin of the exact ones); −∞ when the piece is empty.
    /// </summary>
    public double Max(double perCompany, double perPerson)
    {
        if (IsEmpty)
        {
            return double.NegativeInfinity;
        }

        var (company, person) = (_piece.Company, _piece.Person);
        // A = a·(B − D − Q) + θ with θ ∈ [−r, 2r]: the form is affine in (D, Q) plus a θ term bounded on its own.
        var perInstallment = (perCompany * company.PerInstallment) + (perPerson * person.PerInstallment);
        var perDown = (perCompany * company.PerDown) + (perPerson * person.PerDown) - (perInstallment * _annuity);
        var perDiscount = (perCompany * company.PerDiscount) + (perPerson * person.PerDiscount) - (perInstallment * _annuity);
        var constant = (perCompany * company.Constant) + (perPerson * person.Constant) + (perInstallment * _annuity * _balance)
            + Math.Max(-perInstallment * _rounding, 2 * perInstallment * _rounding);
        var best = double.NegativeInfinity;
        foreach (var (down, discount) in _vertices)
        {
            best = Math.Max(best, (perDown * down) + (perDiscount * discount));
        }

        return constant + best;
    }

    /// <summary>
    /// An upper bound of N = U_c^w · U_d^(1−w) over the piece's plans, with each value raised by
    /// <paramref name="margin"/> (the model's rounding margin); −∞ when the piece is empty. The values are affine in
    /// (D, Q, θ) on the prism of the polygon and θ ∈ [−r, 2r] (<see cref="Max"/>), so they map it onto the convex hull of
    /// its corners' images; N grows in both values, so its largest value there lies on the hull's edges, and on a segment
    /// ln N is concave with one stationary point in closed form. Every pair of corners is a segment that covers the edges.
    /// </summary>
    public double MaxScore(double w, double margin)
    {
        if (IsEmpty)
        {
            return double.NegativeInfinity;
        }

        var corners = Corners(margin);
        var best = 0.0;
        for (var i = 0; i < corners.Length; i++)
        {
            best = Math.Max(best, Score(corners[i], w));
            for (var j = i + 1; j < corners.Length; j++)
            {
                best = Math.Max(best, SegmentMax(corners[i], corners[j], w));
            }
        }

        return best;
    }

    /// <summary>
    /// The images (U_c, U_d) of the prism's corners, each value raised by <paramref name="margin"/>: the values are affine
    /// on the prism of the polygon and θ ∈ [−r, 2r] (<see cref="Max"/>), so every plan's values, less the margin, lie in
    /// the corners' convex hull. Empty when the piece is.
    /// </summary>
    public (double Company, double Person)[] Corners(double margin)
    {
        var corners = new (double Company, double Person)[_vertices.Length * 2];
        for (var i = 0; i < _vertices.Length; i++)
        {
            var (down, discount) = _vertices[i];
            var installment = Installment(down, discount);
            corners[2 * i] = ValuesAt(down, discount, installment - _rounding, margin);
            corners[(2 * i) + 1] = ValuesAt(down, discount, installment + (2 * _rounding), margin);
        }

        return corners;
    }

    /// <summary>a·F = a·(B − D − Q): the installment before its rounding.</summary>
    private double Installment(double down, double discount) => _annuity * (_balance - down - discount);

    /// <summary>The piece's linear values at (D, Q) and installment A, each raised by <paramref name="margin"/>.</summary>
    private (double Company, double Person) ValuesAt(double down, double discount, double installment, double margin)
    {
        static double At(LinearValue v, double d, double q, double a) => v.Constant + (v.PerDown * d) + (v.PerDiscount * q) + (v.PerInstallment * a);
        return (At(_piece.Company, down, discount, installment) + margin, At(_piece.Person, down, discount, installment) + margin);
    }

    private static double Score((double Company, double Person) values, double w) =>
        PlanEvaluator.Score(values.Company, values.Person, w);

    /// <summary>The largest N on the segment from <paramref name="from"/> to <paramref name="to"/>, where ln N is concave.</summary>
    private static double SegmentMax((double Company, double Person) from, (double Company, double Person) to, double w)
    {
        var (dc, dp) = (to.Company - from.Company, to.Person - from.Person);
        if (dc * dp >= 0)
        {
            // Both values move the same way: an end is best.
            return 0;
        }

        // d/dt ln N = w·dc/c(t) + (1−w)·dp/p(t) = 0.
        var t = -((w * dc * from.Person) + ((1 - w) * dp * from.Company)) / (dc * dp);
        if (t <= 0 || t >= 1)
        {
            return 0;
        }

        return Score((from.Company + (t * dc), from.Person + (t * dp)), w);
    }

    /// <summary>
    /// Whether a plan of the piece could have U_c ≥ <paramref name="company"/> and U_d ≥ <paramref name="person"/> at
    /// once (minor units, linear values). By the minimax theorem on the convex polygon, no point meets both exactly when
    /// some λ ∈ [0, 1] makes max λ·(U_c − company) + (1 − λ)·(U_d − person) negative; that maximum is convex in λ, so a
    /// ternary search finds its minimum.
    /// </summary>
    public bool CanReachBoth(double company, double person)
    {
        double Gap(double lambda) => Max(lambda, 1 - lambda) - (lambda * company) - ((1 - lambda) * person);
        if (IsEmpty)
        {
            return false;
        }

        var (low, high) = (0.0, 1.0);
        for (var i = 0; i < 60; i++)
        {
            var (a, b) = (low + ((high - low) / 3), high - ((high - low) / 3));
            if (Gap(a) < Gap(b))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return Math.Min(Gap((low + high) / 2), Math.Min(Gap(0), Gap(1))) >= 0;
    }

    /// <summary>
    /// The polygon's vertices: the box of the first four sides (0 ≤ D ≤ its limit, 0 ≤ Q ≤ its limit) clipped by each
    /// other side in turn (Sutherland–Hodgman), every side widened by <paramref name="tolerance"/> per unit of its
    /// normal. It replaced testing every meeting point of two sides against all sides, which was a tenth of a
    /// portfolio comparison's time (every piece of every request builds its region).
    /// </summary>
    private static (double, double)[] Vertices((double A, double C, double Rhs)[] sides, double tolerance)
    {
        var (maxDown, maxDiscount) = (sides[1].Rhs, sides[3].Rhs);
        if (maxDown < -tolerance || maxDiscount < -tolerance)
        {
            return [];
        }

        var polygon = new List<(double Down, double Discount)> { (0, 0), (maxDown, 0), (maxDown, maxDiscount), (0, maxDiscount) };
        for (var k = 4; k < sides.Length && polygon.Count > 0; k++)
        {
            var (a, c, rhs) = sides[k];
            var limit = rhs + (tolerance * (Math.Abs(a) + Math.Abs(c)));
            var clipped = new List<(double Down, double Discount)>(polygon.Count + 1);
            for (var i = 0; i < polygon.Count; i++)
            {
                var (p, q) = (polygon[i], polygon[(i + 1) % polygon.Count]);
                var (atP, atQ) = ((a * p.Down) + (c * p.Discount) - limit, (a * q.Down) + (c * q.Discount) - limit);
                if (atP <= 0)
                {
                    clipped.Add(p);
                }

                if ((atP < 0 && atQ > 0) || (atP > 0 && atQ < 0))
                {
                    var t = atP / (atP - atQ);
                    clipped.Add((p.Down + (t * (q.Down - p.Down)), p.Discount + (t * (q.Discount - p.Discount))));
                }
            }

            polygon = clipped;
        }

        return [.. polygon];
    }
}
