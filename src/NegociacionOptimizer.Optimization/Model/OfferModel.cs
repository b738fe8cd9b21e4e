using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Model;

/// <summary>
/// The CP-SAT model of SPEC §6 over one scope of the plan space (a term class, or everything but some (f, n)).
/// Decision variables: one Boolean per piece (structure × burden bucket) and one for the settlement, exactly one true;
/// the down payment d and discount q in amount steps; the installment k in rounding units; and the values UC, UD in
/// minor units, set by the chosen piece's linear value. Every rule of SPEC §3 is a linear constraint enforced by
/// its piece or structure; in diagnosis mode each rule also carries a switch literal.
/// </summary>
internal sealed class OfferModel
{
    // Coefficients stay well inside int64 (CP-SAT rejects any constraint that could overflow) and small enough for its LP.
    private const double Headroom = 1L << 50;

    /// <summary>Scale of a staircase's constraints (<see cref="RequireOutside"/>).</summary>
    private const long StairScale = 1 << 10;

    private readonly PlanSpace _space;

    /// <summary>The most installments of a structure in scope: each adds its interest rounding to the margin.</summary>
    private readonly int _installments;
    private readonly Dictionary<Rule, ILiteral> _switches = [];
    private readonly List<(StructureSpace Structure, BoolVar Literal)> _structures = [];
    private readonly List<(StructureSpace Structure, Piece Piece, BoolVar Literal)> _pieces = [];

    /// <param name="space">The plan space.</param>
    /// <param name="inScope">The structures of the scope.</param>
    /// <param name="includeSettlement">Whether the settlement is in scope.</param>
    /// <param name="diagnosis">Every rule gets a switch literal (see <see cref="Switch"/>).</param>
    /// <param name="keep">
    /// Pruning, null for none: a piece enters the model only when its relaxation (<see cref="PieceRegion"/>) can hold a
    /// plan with U_c ≥ 1 and U_d ≥ 0 and this predicate accepts the relaxation, given the margin (minor units) by which
    /// the relaxation's linear values may differ from the exact ones.
    /// </param>
    /// <param name="relaxed">With <paramref name="keep"/>: the rules a diagnosis relaxes, which the pruning must not assume.</param>
    public OfferModel(
        PlanSpace space, Func<PlanStructure, bool> inScope, bool includeSettlement, bool diagnosis = false,
        Func<PieceRegion, double, bool>? keep = null, IReadOnlySet<Rule>? relaxed = null)
    {
        _space = space;
        _installments = space.Structures.Where(s => inScope(s.Structure)).Select(s => s.Structure.Installments).DefaultIfEmpty(1).Max();
        var b = space.Balance;
        var step = space.Step;
        Model = new CpModel();
        foreach (var rule in Enum.GetValues<Rule>())
        {
            _switches[rule] = diagnosis ? Model.NewBoolVar($"rule_{rule}") : Model.TrueLiteral();
        }

        Down = Model.NewIntVar(0, diagnosis ? b / step : space.MaxDownSteps, "d");
        Discount = Model.NewIntVar(0, b / step, "q");
        Units = Model.NewIntVar(0, Math.Max(0, space.MaxInstallmentUnits), "k");
        CompanyValue = Model.NewIntVar(diagnosis ? -b : 1, b, "uc");
        PersonValue = Model.NewIntVar(diagnosis ? -2 * b : 0, b, "ud");
        DownMinor = Model.NewIntVar(0, b, "down_minor");
        Settlement = includeSettlement ? Model.NewBoolVar("settlement") : null;

        var choices = new List<ILiteral>();
        if (Settlement is not null)
        {
            AddSettlement(Settlement);
            choices.Add(Settlement);
        }

        foreach (var structure in space.Structures.Where(s => inScope(s.Structure)))
        {
            var pieces = keep is null ? structure.Pieces : [.. structure.Pieces.Where(p => Keeps(structure, p, keep, relaxed))];
            PrunedPieces += structure.Pieces.Count - pieces.Count;
            if (pieces.Count == 0)
            {
                continue;
            }

            var y = Model.NewBoolVar($"s_{structure.Structure.Frequency}_{structure.Structure.Installments}_{structure.Structure.GracePeriods}");
            var pieceLiterals = new List<BoolVar>();
            foreach (var piece in pieces)
            {
                var x = Model.NewBoolVar($"p_{y.Name()}_{piece.Bucket}");
                pieceLiterals.Add(x);
                _pieces.Add((structure, piece, x));
                AddPiece(piece, x);
            }

            Model.Add(LinearExpr.Sum(pieceLiterals) == y);
            _structures.Add((structure, y));
            choices.Add(y);
            AddStructure(structure, y);
        }

        Model.AddExactlyOne(choices);
        if (!diagnosis)
        {
            return;
        }

        Model.Add(CompanyValue >= 1).OnlyEnforceIf(_switches[Rule.CompanyValue]);
        Model.Add(PersonValue >= 0).OnlyEnforceIf(_switches[Rule.PersonValue]);
    }

    public CpModel Model { get; }

    /// <summary>d: D / step.</summary>
    public IntVar Down { get; }

    /// <summary>q: Q / step.</summary>
    public IntVar Discount { get; }

    /// <summary>k: A / rounding unit.</summary>
    public IntVar Units { get; }

    /// <summary>UC: U_c of the chosen plan (model value, within <see cref="Margin"/> of the exact one), minor units.</summary>
    public IntVar CompanyValue { get; }

    /// <summary>UD: U_d of the chosen plan (model value, within <see cref="Margin"/> of the exact one), minor units.</summary>
    public IntVar PersonValue { get; }

    /// <summary>The down payment in minor units (d·step for a plan, B − Q for a settlement).</summary>
    public IntVar DownMinor { get; }

    /// <summary>Bound, minor units, on how far UC and UD can stray from the linear values after the coefficients are rounded to integers.</summary>
    public double ValueError { get; private set; }

    /// <summary>
    /// How far, minor units, a value of the model (UC, UD, or a piece relaxation's linear value) can be from the exact
    /// one: every bound, cut and pruning test of the searches is widened by it, so none excludes a plan the exact
    /// evaluation would keep. See <see cref="MarginFor"/>.
    /// </summary>
    public double Margin => MarginFor(_installments, ValueError);

    /// <summary>Pieces left out by the pruning predicate (they hold no plan the search wants).</summary>
    public int PrunedPieces { get; }

    /// <summary>True when the settlement is chosen (null when out of scope).</summary>
    public BoolVar? Settlement { get; }

    /// <summary>True when nothing is in scope.</summary>
    public bool IsEmpty => Settlement is null && _structures.Count == 0;

    /// <summary>The structures in scope, each with the literal that is true when the solver chooses it.</summary>
    public IReadOnlyList<(StructureSpace Structure, BoolVar Literal)> StructureChoices => _structures;

    /// <summary>The switch literal of a rule (diagnosis mode).</summary>
    public ILiteral Switch(Rule rule) => _switches[rule];

    /// <summary>A·p/12 scaled by 12: the installment's yearly amount, minor units (0 for a settlement).</summary>
    public LinearExpr YearlyInstallment()
    {
        // Bounded by the largest installment's yearly amount: a domain near long's range makes the relaxation's big-M
        // coefficients too large for its floating-point LP, which then declared feasible models infeasible.
        var most = _structures.Select(s => s.Structure.Profile.PeriodsPerYear).DefaultIfEmpty(0).Max() * _space.Rounding * Math.Max(0, _space.MaxInstallmentUnits);
        var yearly = Model.NewIntVar(0, most, "yearly");
        foreach (var (structure, y) in _structures)
        {
            Model.Add(yearly == Units * (structure.Profile.PeriodsPerYear * _space.Rounding)).OnlyEnforceIf(y);
        }

        if (Settlement is not null)
        {
            Model.Add(yearly == 0).OnlyEnforceIf(Settlement);
        }

        return yearly;
    }

    /// <summary>The plan the solver chose.</summary>
    public PlanTerms Decode(CpSolver solver)
    {
        var step = _space.Step;
        var q = solver.Value(Discount) * step;
        if (Settlement is not null && solver.BooleanValue(Settlement))
        {
            return PlanTerms.Settlement(_space.Balance, q);
        }

        foreach (var (structure, y) in _structures)
        {
            if (solver.BooleanValue(y))
            {
                var s = structure.Structure;
                return new PlanTerms(solver.Value(Down) * step, q, s.Frequency, s.Installments, s.GracePeriods);
            }
        }

        throw new InvalidOperationException("The solver chose no structure.");
    }

    /// <summary>Excludes one plan (a no-good): the exact evaluation disagreed with the model, or it was already seen.</summary>
    public void Exclude(PlanTerms terms)
    {
        var q = terms.DiscountMinor / _space.Step;
        var literal = terms.IsSettlement ? Settlement : _structures.FirstOrDefault(s => s.Structure.Structure == terms.Structure).Literal;
        if (literal is null)
        {
            return;
        }

        var escapes = new List<ILiteral> { literal.Not() };
        escapes.AddRange(Differs(Discount, q));
        if (!terms.IsSettlement)
        {
            escapes.AddRange(Differs(Down, terms.DownPaymentMinor / _space.Step));
        }

        Model.AddBoolOr(escapes);
    }

    /// <summary>
    /// Requires a plan above a frontier given per interval of U_c (<c>DominatedFrontier</c>): the plan's U_c lies in
    /// one interval (From, To], or right of them all, and on it PerCompany·UC + PerPerson·UD ≥ Level. One choice among the
    /// intervals is a partition CP-SAT handles far better than a disjunction per dominated region. Every bound is
    /// widened by <see cref="Margin"/>, so a plan above the frontier exactly always stays in the model.
    /// </summary>
    /// <param name="frontier">The intervals, by U_c ascending.</param>
    /// <param name="reachable">
    /// For a piece's relaxation and its margin, which intervals (and, last, the part right of them all) it can hold a
    /// plan above the requirement of, null for all: a piece is then tied to those choices alone, which spares CP-SAT the
    /// search of every other one (a fill's infeasibility proofs over a hundred intervals took 100–300 ms).
    /// </param>
    public void RequireAbove(
        IReadOnlyList<(double From, double To, long PerCompany, long PerPerson, double Level)> frontier,
        Func<PieceRegion, double, bool[]>? reachable = null)
    {
        if (frontier.Count == 0)
        {
            return;
        }

        var slack = (long)Math.Ceiling(Margin);
        var choices = new List<ILiteral>();
        foreach (var (from, to, perCompany, perPerson, level) in frontier)
        {
            var choice = Model.NewBoolVar($"frontier_{choices.Count}");
            choices.Add(choice);
            if (double.IsFinite(from))
            {
                Model.Add(CompanyValue >= (long)Math.Floor(from) + 1 - slack).OnlyEnforceIf(choice);
            }

            Model.Add(CompanyValue <= (long)Math.Floor(to) + slack).OnlyEnforceIf(choice);
            Model.Add((CompanyValue * perCompany) + (PersonValue * perPerson) >= (long)Math.Floor(level - ((perCompany + perPerson) * (double)slack)) - 1)
                .OnlyEnforceIf(choice);
        }

        var right = Model.NewBoolVar("frontier_right");
        choices.Add(right);
        Model.Add(CompanyValue >= (long)Math.Floor(frontier[^1].To) + 1 - slack).OnlyEnforceIf(right);
        Model.AddExactlyOne(choices);
        if (reachable is null)
        {
            return;
        }

        var used = new bool[choices.Count];
        foreach (var (structure, piece, literal) in _pieces)
        {
            var flags = reachable(structure.Region(_space, piece), PieceMargin(structure, piece));
            var allowed = new List<ILiteral> { literal.Not() };
            for (var i = 0; i < choices.Count; i++)
            {
                if (flags[i])
                {
                    allowed.Add(choices[i]);
                    used[i] = true;
                }
            }

            Model.AddBoolOr(allowed);
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (!used[i] && Settlement is null)
            {
                Model.AddBoolAnd([choices[i].Not()]);
            }
        }
    }

    /// <summary>
    /// Requires a plan outside a staircase of values (<c>Staircase</c>): corner k = 0..<paramref name="last"/> at
    /// (<paramref name="company"/> + k·<paramref name="companyStep"/>, <paramref name="person"/> − k·<paramref name="personStep"/>).
    /// An index variable picks the first corner at or right of UC (none past the last, corner 0 left of the first), and UD
    /// must pass that corner's U_d. The index may also fall one corner short where UC lies within the margin of a
    /// corner, and every bound is widened by <see cref="Margin"/>, so a plan outside the staircase exactly always stays.
    /// </summary>
    public void RequireOutside(double company, double person, double companyStep, double personStep, int last)
    {
        var margin = Margin;
        var corner = Model.NewIntVar(0, last + 1, "stair");
        var right = Model.NewBoolVar("stair_right");
        var past = Model.NewBoolVar("stair_past");
        // Coefficients scaled by StairScale: rounded toward the weaker side, they loosen a bound by at most k/StairScale minor units.
        var stepRight = (long)Math.Floor(StairScale * companyStep);
        var stepDown = (long)Math.Ceiling(StairScale * personStep);
        Model.Add(corner == 0).OnlyEnforceIf(right.Not());
        Model.Add((CompanyValue * StairScale) - (corner * stepRight) >= (long)Math.Floor(StairScale * (company - companyStep - margin)) - 1)
            .OnlyEnforceIf(right);
        Model.Add(corner == last + 1).OnlyEnforceIf(past);
        Model.Add(corner <= last).OnlyEnforceIf(past.Not());
        Model.Add((PersonValue * StairScale) + (corner * stepDown) >= (long)Math.Floor(StairScale * (person - margin)) - 1)
            .OnlyEnforceIf(past.Not());
    }

    /// <summary>
    /// Excludes the plans of <paramref name="terms"/>'s structure with its D + Q whose down payment is D or beyond it:
    /// below D when <paramref name="below"/>, else above. On such a line the installment, the last installment and the
    /// burden bucket are fixed, so U_c and U_d are affine in D and N is concave along it (docs/ENGINE.md, "Lines of
    /// equal D + Q"): past a plan worse than another of the line, every plan is worse still. The settlements are one
    /// such line (D = B − Q, U_c and U_d affine in Q).
    /// </summary>
    public void ExcludeRay(PlanTerms terms, bool below)
    {
        var q = terms.DiscountMinor / _space.Step;
        if (terms.IsSettlement)
        {
            if (Settlement is not null)
            {
                // A settlement's D falls as its Q grows.
                Model.Add(below ? Discount <= q - 1 : Discount >= q + 1).OnlyEnforceIf(Settlement);
            }

            return;
        }

        var literal = _structures.FirstOrDefault(s => s.Structure.Structure == terms.Structure).Literal;
        if (literal is null)
        {
            return;
        }

        var d = terms.DownPaymentMinor / _space.Step;
        var escapes = new List<ILiteral> { literal.Not() };
        escapes.AddRange(Differs(Down + Discount, d + q));
        var inside = Model.NewBoolVar("short_of_ray");
        Model.Add(below ? Down >= d + 1 : Down <= d - 1).OnlyEnforceIf(inside);
        escapes.Add(inside);
        Model.AddBoolOr(escapes);
    }

    /// <summary>Excludes every plan of a box of one structure's grid (D and Q bounds in minor units, multiples of the step).</summary>
    public void ExcludeBox(PlanStructure structure, long downLow, long downHigh, long discountLow, long discountHigh)
    {
        var literal = _structures.FirstOrDefault(s => s.Structure.Structure == structure).Literal;
        if (literal is null)
        {
            return;
        }

        var step = _space.Step;
        var escapes = new List<ILiteral> { literal.Not() };
        foreach (var (variable, below, above) in new[] { (Down, downLow / step, downHigh / step), (Discount, discountLow / step, discountHigh / step) })
        {
            var under = Model.NewBoolVar("under_box");
            var over = Model.NewBoolVar("over_box");
            Model.Add(variable <= below - 1).OnlyEnforceIf(under);
            Model.Add(variable >= above + 1).OnlyEnforceIf(over);
            escapes.Add(under);
            escapes.Add(over);
        }

        Model.AddBoolOr(escapes);
    }

    private IEnumerable<ILiteral> Differs(LinearExpr variable, long value)
    {
        var below = Model.NewBoolVar("below");
        var above = Model.NewBoolVar("above");
        Model.Add(variable <= value - 1).OnlyEnforceIf(below);
        Model.Add(variable >= value + 1).OnlyEnforceIf(above);
        return [below, above];
    }

    private void AddSettlement(BoolVar settle)
    {
        var b = _space.Balance;
        var step = _space.Step;
        var context = _space.Context;
        Model.Add(Down == 0).OnlyEnforceIf(settle);
        Model.Add(Units == 0).OnlyEnforceIf(settle);
        Model.Add(DownMinor == b - (Discount * step)).OnlyEnforceIf(settle);
        Model.Add(DownMinor <= context.Inquiry.LumpSumMinor).OnlyEnforceIf([settle, _switches[Rule.LumpSum]]);
        Model.Add(Discount <= _space.SettlementMaxDiscountSteps).OnlyEnforceIf([settle, _switches[Rule.DiscountLimit]]);

        // U_c = B − Q − α·B and U_d = Q, exact in integers: UC = ⌊((10000 − α_bp)·B − 10000·Q) / 10000⌋.
        var alphaBp = context.Policy.AlternativeRecoveryBp;
        var top = (10_000 - alphaBp) * b;
        Model.AddLinearConstraint((CompanyValue * 10_000) + (Discount * (10_000 * step)), top - 9_999, top).OnlyEnforceIf(settle);
        Model.Add(PersonValue == Discount * step).OnlyEnforceIf(settle);
    }

    private void AddStructure(StructureSpace structure, BoolVar y)
    {
        var b = _space.Balance;
        var step = _space.Step;
        var r = _space.Rounding;
        var context = _space.Context;
        var profile = structure.Profile;
        var n = structure.Structure.Installments;

        Model.Add(DownMinor == Down * step).OnlyEnforceIf(y);
        Model.Add(DownMinor <= context.Inquiry.LumpSumMinor).OnlyEnforceIf([y, _switches[Rule.LumpSum]]);
        Model.Add(Discount <= structure.MaxDiscountSteps).OnlyEnforceIf([y, _switches[Rule.DiscountLimit]]);
        Model.Add((Down + Discount) * step <= b - 1).OnlyEnforceIf(y);
        var minDownBp = context.Policy.MinDownPaymentBp;
        if (minDownBp > 0)
        {
            Model.Add((Down * (10_000 * step)) + (Discount * (minDownBp * step)) >= (long)minDownBp * b)
                .OnlyEnforceIf([y, _switches[Rule.MinDownPayment]]);
        }

        Model.Add(Units >= structure.MinUnits).OnlyEnforceIf([y, _switches[Rule.MinInstallment]]);
        Model.Add(Units <= structure.BurdenUnits).OnlyEnforceIf([y, _switches[Rule.Burden]]);
        if (structure.StatedUnits is { } statedUnits)
        {
            Model.Add(Units <= statedUnits).OnlyEnforceIf([y, _switches[Rule.StatedCapacity]]);
        }

        // k = ⌈F·a/r⌉ with F = B − step·(d + q): exact in integers when interest-free, scaled otherwise.
        var spent = Down + Discount;
        AddPositiveLastInstallment(structure, y, spent);
        if (profile.PeriodRate == 0)
        {
            Model.Add((Units * (n * r)) + (spent * step) >= b).OnlyEnforceIf(y);
            Model.Add((Units * (n * r)) + (spent * step) <= b + (n * r) - 1).OnlyEnforceIf(y);
            return;
        }

        AddUsuryCap(structure, y, spent);
        var a = profile.AnnuityFactor;
        // CP-SAT bounds every term by its variable's whole domain, so λ is sized on the domains, not on this structure.
        var maxSpent = 2.0 * Math.Max(1, b / step);
        var lambda = Math.Max(1, Math.Floor(Headroom / ((r * (double)Math.Max(1, _space.MaxInstallmentUnits)) + (a * step * maxSpent) + (a * b) + r)));
        var unitsCoefficient = (long)(lambda * r);
        var spentCoefficient = (long)Math.Round(lambda * a * step);
        var target = lambda * a * b;
        var slack = lambda * r * 1e-9;
        Model.Add((Units * unitsCoefficient) + (spent * spentCoefficient) >= (long)Math.Ceiling(target - slack)).OnlyEnforceIf(y);
        Model.Add((Units * unitsCoefficient) + (spent * spentCoefficient) <= (long)Math.Floor(target + (lambda * r) - slack)).OnlyEnforceIf(y);
    }

    /// <summary>
    /// L ≈ G·F − H·A ≥ 1 − n: the rounded installment must not repay the balance before installment n. The bound gives n
    /// minor units to the interest rounding the linear form ignores, so no valid plan is excluded; the exact evaluation
    /// rejects the rare plan that passes it wrongly.
    /// </summary>
    private void AddPositiveLastInstallment(StructureSpace structure, BoolVar y, LinearExpr spent)
    {
        var (g, h) = structure.LastInstallment;
        var b = (double)_space.Balance;
        var step = (double)_space.Step;
        var r = (double)_space.Rounding;
        var n = structure.Structure.Installments;
        // Divided by G = (1+i)^n first: F − (H/G)·A ≥ (1 − n)/G keeps every term near the balance's size even when a
        // high rate over a long term makes G·B approach the computable range.
        var perInstallment = h / g;
        var scale = Math.Max(1, Math.Floor(Headroom / (b + (step * 2 * Math.Max(1, b / step)) + (perInstallment * r * Math.Max(1, _space.MaxInstallmentUnits)) + 1)));
        Model.Add((spent * -(long)Math.Round(scale * step)) - (Units * (long)Math.Round(scale * perInstallment * r))
                >= (long)Math.Floor(scale * (((1 - n) / g) - b)))
            .OnlyEnforceIf(y);
    }

    /// <summary>
    /// CFT ≤ cap ⇔ Σ A_k·w_k ≤ F with w_k = (1+cap)^(−t_k/365) (the flows' value falls as the rate rises). With
    /// A_k = A (k &lt; n), A_n = L ≈ G·F − H·A and F = B − step·(d + q) this is linear:
    /// A·(Σ_{k&lt;n} w_k − H·w_n) + F·(G·w_n − 1) ≤ n, the right side giving the interest rounding its n minor units
    /// (the exact evaluation re-checks every answer). Interest-free plans repay exactly F and always pass.
    /// </summary>
    private void AddUsuryCap(StructureSpace structure, BoolVar y, LinearExpr spent)
    {
        var n = structure.Structure.Installments;
        var weights = structure.CapDiscount;
        var (g, h) = structure.LastInstallment;
        // Divided by the larger of 1 and G·w_n, like the last installment's bound, so the terms stay near the balance's size.
        var norm = Math.Max(1, g * weights[n - 1]);
        var perInstallment = (weights.Take(n - 1).Sum() - (h * weights[n - 1])) / norm;
        var perFinanced = ((g * weights[n - 1]) - 1) / norm;
        var b = (double)_space.Balance;
        var step = (double)_space.Step;
        var r = (double)_space.Rounding;
        var magnitude = (Math.Abs(perInstallment) * r * Math.Max(1, _space.MaxInstallmentUnits)) + (Math.Abs(perFinanced) * (b + (step * 2 * Math.Max(1, b / step)))) + n + 1;
        var scale = Math.Max(1, Math.Floor(Headroom / magnitude));
        Model.Add((Units * (long)Math.Round(scale * perInstallment * r)) - (spent * (long)Math.Round(scale * perFinanced * step))
                <= (long)Math.Floor(scale * ((n / norm) - (perFinanced * b))))
            .OnlyEnforceIf([y, _switches[Rule.UsuryCap]]);
    }

    private bool Keeps(StructureSpace structure, Piece piece, Func<PieceRegion, double, bool> keep, IReadOnlySet<Rule>? relaxed)
    {
        var region = relaxed is null ? structure.Region(_space, piece) : new PieceRegion(_space, structure, piece, relaxed: relaxed);
        var margin = PieceMargin(structure, piece);
        return !region.IsEmpty
            && (relaxed?.Contains(Rule.CompanyValue) == true || region.Max(1, 0) >= 1 - margin)
            && (relaxed?.Contains(Rule.PersonValue) == true || region.Max(0, 1) >= -margin)
            && keep(region, margin);
    }

    /// <summary>How far a value of the piece's relaxation can be from the exact one, minor units.</summary>
    private double PieceMargin(StructureSpace structure, Piece piece) =>
        MarginFor(structure.Structure.Installments, Math.Max(Error(Sigma(piece.Company)), Error(Sigma(piece.Person))));

    /// <summary>
    /// The margin for a coefficient rounding error of <paramref name="valueError"/>: the linear value leaves out the
    /// interest rounding of each installment (at most one minor unit each, n in all: the piece's structure's n, or the
    /// most among the model's structures, so a class of short plans gets a narrow margin) and of the last one's remainder
    /// (one more); the model's value is the floor of its scaled form (one more); and the coefficients' rounding adds
    /// <paramref name="valueError"/>.
    /// </summary>
    private static double MarginFor(int installments, double valueError) => installments + 2.0 + valueError;

    /// <summary>σ: the largest integer scale of a linear value whose terms stay inside the headroom over the domains.</summary>
    private double Sigma(LinearValue linear)
    {
        var step = (double)_space.Step;
        var b = (double)_space.Balance;
        // A coefficient must fit even when the balance is below one step (a domain of {0}), hence at least one step.
        var steps = Math.Max(1, b / step);
        var magnitude = Math.Abs(linear.Constant) + (Math.Abs(linear.PerDown * step) * steps) + (Math.Abs(linear.PerDiscount * step) * steps)
            + (Math.Abs(linear.PerInstallment * _space.Rounding) * Math.Max(1, _space.MaxInstallmentUnits)) + (2 * b) + 1;
        // At least 1: a coarser value only widens the error bound the search's margins already carry.
        return Math.Max(1, Math.Floor(Headroom / magnitude));
    }

    /// <summary>How far, minor units, the model's value can stray from the linear one once its coefficients are rounded at σ.</summary>
    private double Error(double sigma) =>
        (((_space.Balance / (double)_space.Step * 2) + _space.MaxInstallmentUnits + 2) / (2 * sigma)) + 1;

    private void AddPiece(Piece piece, BoolVar x)
    {
        Model.Add(Units >= piece.LowUnits).OnlyEnforceIf(x);
        Model.Add(Units <= piece.HighUnits).OnlyEnforceIf(x);
        AddValueBound(CompanyValue, piece.Company, x);
        AddValueBound(PersonValue, piece.Person, x);
    }

    /// <summary>
    /// U = ⌊σ·(c0 + cD·step·d + cQ·step·q + cA·r·k) / σ⌋ with integer-rounded coefficients: the value is a function of the
    /// decisions (so CP-SAT never branches on it), σ as large as the headroom allows.
    /// </summary>
    private void AddValueBound(IntVar value, LinearValue linear, BoolVar x)
    {
        var perDown = linear.PerDown * _space.Step;
        var perDiscount = linear.PerDiscount * _space.Step;
        var perUnit = linear.PerInstallment * _space.Rounding;
        var sigma = Sigma(linear);
        ValueError = Math.Max(ValueError, Error(sigma));
        var constant = (long)Math.Floor(sigma * linear.Constant);
        var scaled = (value * (long)sigma)
            - (Down * (long)Math.Round(sigma * perDown))
            - (Discount * (long)Math.Round(sigma * perDiscount))
            - (Units * (long)Math.Round(sigma * perUnit));
        Model.AddLinearConstraint(scaled, constant - (long)sigma + 1, constant).OnlyEnforceIf(x);
    }
}
