using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Model;

/// <summary>
/// The decision space of one negotiation: every structure (f, n, g) the policy and the person's income allow, each split
/// into pieces by burden bucket, with the constants that make the values linear inside a piece. D and Q are searched
/// on the grid of the policy's amount step; A is a multiple of the rounding unit.
/// </summary>
internal sealed class PlanSpace
{
    public PlanSpace(NegotiationContext context)
    {
        Context = context;
        var policy = context.Policy;
        Step = policy.AmountStepMinor;
        Rounding = policy.RoundingUnitMinor;
        Balance = context.BalanceMinor;
        MaxDownSteps = Math.Min(context.Inquiry.LumpSumMinor, Balance) / Step;
        SettlementMaxDiscountSteps = context.MaxDiscountMinor(0) / Step;
        var structures = new List<StructureSpace>();
        foreach (var f in context.Frequencies)
        {
            for (var n = 1; n <= policy.MaxInstallments(f); n++)
            {
                for (var g = 0; g <= policy.MaxGracePeriods; g++)
                {
                    var space = StructureSpace.Create(this, new PlanStructure(f, n, g));
                    if (space is not null)
                    {
                        structures.Add(space);
                    }
                }
            }
        }

        Structures = structures;
        MaxInstallments = structures.Count == 0 ? 0 : structures.Max(s => s.Structure.Installments);
        MaxInstallmentUnits = structures.Count == 0 ? 0 : structures.Max(s => s.MaxUnits);
    }

    public NegotiationContext Context { get; }

    /// <summary>Grid step of D and Q, minor units.</summary>
    public long Step { get; }

    /// <summary>Rounding unit of A, minor units.</summary>
    public long Rounding { get; }

    /// <summary>B, minor units.</summary>
    public long Balance { get; }

    /// <summary>Largest down payment on the grid, steps.</summary>
    public long MaxDownSteps { get; }

    /// <summary>Largest settlement discount on the grid, steps.</summary>
    public long SettlementMaxDiscountSteps { get; }

    /// <summary>Plan structures that can hold a plan (settlement excluded).</summary>
    public IReadOnlyList<StructureSpace> Structures { get; }

    /// <summary>The settlement class and every class holding a structure, in a fixed order.</summary>
    public IEnumerable<TermClass> TermClasses()
    {
        yield return TermClass.Settlement;
        foreach (var termClass in Structures.Select(s => s.Class).Distinct())
        {
            yield return termClass;
        }
    }

    /// <summary>
    /// The space in parts for searches that may go part by part, one per term class (<see cref="TermClasses"/>): its
    /// structures, and whether it is the settlement. A few small models prove far faster than one over every piece.
    /// </summary>
    public IEnumerable<(Func<PlanStructure, bool> InScope, bool Settlement)> ClassParts() =>
        TermClasses().Select(c => ((Func<PlanStructure, bool>)c.Contains, c.IsSettlement));

    /// <summary>Largest n among the structures.</summary>
    public int MaxInstallments { get; }

    /// <summary>Largest A/r any plan can have: the installment that finances the whole balance at the costliest structure.</summary>
    public long MaxInstallmentUnits { get; }
}

/// <summary>One structure's slice of the space.</summary>
internal sealed class StructureSpace
{
    private readonly Dictionary<Piece, PieceRegion> _regions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Piece, PieceRegion> _tightRegions = new(ReferenceEqualityComparer.Instance);

    private StructureSpace(PlanStructure structure, StructureProfile profile, long maxDiscountSteps, long minUnits, long maxUnits,
        double capRate, IReadOnlyList<Piece> pieces, NegotiationContext context, long rounding)
    {
        Structure = structure;
        Profile = profile;
        Class = TermClass.Of(structure);
        MaxDiscountSteps = maxDiscountSteps;
        MinUnits = minUnits;
        MaxUnits = maxUnits;
        Pieces = pieces;
        LastInstallment = LastInstallmentForm(profile);
        CapDiscount = [.. profile.Days.Select(t => Math.Pow(1 + capRate, -t / 365.0))];
        BurdenUnits = UnitsWithin(context.BurdenCapacityMinor, profile.PeriodsPerYear, rounding, maxUnits);
        StatedUnits = context.Inquiry.StatedMonthlyCapacityMinor is { } stated
            ? UnitsWithin(stated, profile.PeriodsPerYear, rounding, maxUnits)
            : null;
    }

    /// <summary>
    /// The piece's region with every rule (see <see cref="PieceRegion"/>; <paramref name="tight"/> for the heuristics),
    /// built once per request: every search, rebuild and Pareto check of a request uses the same regions.
    /// </summary>
    public PieceRegion Region(PlanSpace space, Piece piece, bool tight = false)
    {
        var regions = tight ? _tightRegions : _regions;
        if (!regions.TryGetValue(piece, out var region))
        {
            region = new PieceRegion(space, this, piece, tight);
            regions[piece] = region;
        }

        return region;
    }

    /// <summary>Largest A/r the burden limit allows: ⌊12·C/(p·r)⌋ for the monthly capacity C, at most <see cref="MaxUnits"/>.</summary>
    public long BurdenUnits { get; }

    /// <summary>Largest A/r the stated monthly capacity allows, when one was stated.</summary>
    public long? StatedUnits { get; }

    /// <summary>w_k = (1 + cap)^(−t_k/365): the discount factors at the policy's usury cap, k = 1..n at index k−1.</summary>
    public double[] CapDiscount { get; }

    public PlanStructure Structure { get; }

    public StructureProfile Profile { get; }

    public TermClass Class { get; }

    /// <summary>Largest Q on the grid for this n, steps.</summary>
    public long MaxDiscountSteps { get; }

    /// <summary>Smallest A/r the minimum-installment rule allows (1 when it does not apply).</summary>
    public long MinUnits { get; }

    /// <summary>Largest A/r any financed amount ≤ B gives.</summary>
    public long MaxUnits { get; }

    /// <summary>(G, H) of the last installment's linear form L ≈ G·F − H·A.</summary>
    public (double G, double H) LastInstallment { get; }

    /// <summary>Burden-bucket pieces (capacity and minimum installment are separate rules, so a diagnosis can relax them).</summary>
    public IReadOnlyList<Piece> Pieces { get; }

    /// <summary>
    /// The structure's slice, or null when its last due date falls past the calendars' range, its growth (1+i)^n · B
    /// leaves the computable range, or not even the whole balance gives an installment of one rounding unit.
    /// </summary>
    public static StructureSpace? Create(PlanSpace space, PlanStructure structure)
    {
        var context = space.Context;
        var profile = context.Profile(structure);
        if (profile.RangeViolation(space.Balance) is not null)
        {
            return null;
        }

        var n = structure.Installments;
        var p = profile.PeriodsPerYear;
        var r = space.Rounding;
        var maxUnits = Amortization.Installment(space.Balance, profile, r) / r;
        if (maxUnits < 1)
        {
            return null;
        }

        var minUnits = n >= 2 ? Math.Max(1, (context.Policy.MinInstallmentMinor + r - 1) / r) : 1;
        var pieces = new List<Piece>();
        var buckets = context.Policy.Behaviour.Buckets;
        for (var b = 0; b < buckets.Count; b++)
        {
            var lo = Math.Max(1, BucketStartUnits(context, buckets[b].BurdenFromBp, p, r));
            var hi = b + 1 < buckets.Count ? BucketStartUnits(context, buckets[b + 1].BurdenFromBp, p, r) - 1 : maxUnits;
            hi = Math.Min(hi, maxUnits);
            if (b + 1 < buckets.Count && context.DisposableIncome.IsZero)
            {
                continue;
            }

            if (lo <= hi)
            {
                pieces.Add(new Piece(b, lo, hi, CompanyValue(space, profile, b), PersonValue(space, profile)));
            }
        }

        return new StructureSpace(structure, profile, context.MaxDiscountMinor(n) / space.Step, minUnits, maxUnits,
            context.Policy.MaxEffectiveAnnualRateBp / 10_000.0, pieces, context, r);
    }

    private static long UnitsWithin(long monthlyMinor, int periodsPerYear, long rounding, long maxUnits) =>
        (long)Int128.Min((Int128)12 * monthlyMinor / ((Int128)periodsPerYear * rounding), maxUnits);

    /// <summary>⌈from·12·I / (p·10000·r)⌉: the first A/r whose burden reaches <paramref name="fromBp"/> (exact, as the domain's bucket index).</summary>
    private static long BucketStartUnits(NegotiationContext context, int fromBp, int p, long r) =>
        context.DisposableIncome.FirstUnitsReaching(fromBp, (Int128)p * r);

    /// <summary>
    /// L ≈ G·F − H·A: the last installment of a French schedule without per-period rounding, G = (1+i)^n,
    /// H = ((1+i)^n − (1+i))/i (n − 1 when i = 0).
    /// </summary>
    private static (double G, double H) LastInstallmentForm(StructureProfile profile)
    {
        var n = profile.Structure.Installments;
        var i = profile.PeriodRate;
        if (i == 0)
        {
            return (1, n - 1);
        }

        var growth = Math.Pow(1 + i, n);
        return (growth, (growth - (1 + i)) / i);
    }

    /// <summary>
    /// U_c = E[NPV] − α·B with E[NPV] = D + Σ v_k [S_k A_k + (S_{k−1} − S_k) α (B − D − Σ_{j&lt;k} A_j)] (SPEC §4), with
    /// A_k = A for k &lt; n, A_n = L ≈ G·F − H·A and F = B − D − Q.
    /// </summary>
    private static LinearValue CompanyValue(PlanSpace space, StructureProfile profile, int bucket)
    {
        var n = profile.Structure.Installments;
        var s = profile.Survival(bucket);
        var v = profile.CompanyDiscount;
        var alpha = space.Context.Alpha;
        double b = space.Balance;
        double lapse = 0, perInstallment = 0;
        for (var k = 1; k <= n; k++)
        {
            var broken = v[k - 1] * (s[k - 1] - s[k]);
            lapse += broken;
            perInstallment -= alpha * broken * (k - 1);
            if (k < n)
            {
                perInstallment += v[k - 1] * s[k];
            }
        }

        var (g, h) = LastInstallmentForm(profile);
        var last = v[n - 1] * s[n];
        return new LinearValue(
            Constant: (alpha * b * lapse) + (last * g * b) - (alpha * b),
            PerDown: 1 - (alpha * lapse) - (last * g),
            PerDiscount: -last * g,
            PerInstallment: perInstallment - (last * h));
    }

    /// <summary>U_d = B − D − Σ_{k&lt;n} u_k A − u_n L with L ≈ G·F − H·A.</summary>
    private static LinearValue PersonValue(PlanSpace space, StructureProfile profile)
    {
        var n = profile.Structure.Installments;
        var u = profile.PersonDiscount;
        double b = space.Balance;
        double regular = 0;
        for (var k = 0; k < n - 1; k++)
        {
            regular += u[k];
        }

        var (g, h) = LastInstallmentForm(profile);
        var last = u[n - 1];
        return new LinearValue(
            Constant: b - (last * g * b),
            PerDown: -1 + (last * g),
            PerDiscount: last * g,
            PerInstallment: -regular + (last * h));
    }
}

/// <summary>A structure × burden-bucket piece: A/r ∈ [<see cref="LowUnits"/>, <see cref="HighUnits"/>] and linear values.</summary>
internal sealed record Piece(int Bucket, long LowUnits, long HighUnits, LinearValue Company, LinearValue Person);
