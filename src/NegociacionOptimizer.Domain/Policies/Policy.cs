using System.Diagnostics.CodeAnalysis;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// The company's constraints for building offers (a policy). Immutable, complete and valid by construction: the only
/// way to one is <see cref="TryCreate"/> / <see cref="Create"/> from a <see cref="PolicyDraft"/>, which checks every
/// rule of <see cref="PolicyRules"/> (ranges from <see cref="Limits.FieldLimits"/>), so the domain never re-checks.
/// Shares and rates are in basis points (1 bp = 0.01 %), money in minor units of <see cref="Currency"/>.
/// </summary>
public sealed record Policy
{
    private Policy(PolicyDraft draft)
    {
        Id = draft.Id;
        Version = draft.Version;
        Description = draft.Description;
        Currency = draft.Currency;
        Country = draft.Country;
        MaxTermMonths = draft.MaxTermMonths;
        AllowedFrequencies = [.. FrequencyExtensions.All.Where(draft.AllowedFrequencies.Contains)];
        MaxGracePeriods = draft.MaxGracePeriods;
        MinInstallmentMinor = draft.MinInstallmentMinor;
        RoundingUnitMinor = draft.RoundingUnitMinor;
        AmountStepMinor = draft.AmountStepMinor;
        MinDownPaymentBp = draft.MinDownPaymentBp;
        MaxDiscountFeesBp = draft.MaxDiscountFeesBp;
        MaxDiscountInterestBp = draft.MaxDiscountInterestBp;
        PrincipalDiscount = draft.PrincipalDiscount;
        NominalAnnualRate = draft.NominalAnnualRate;
        MaxEffectiveAnnualRateBp = draft.MaxEffectiveAnnualRateBp;
        CostOfCapitalBp = draft.CostOfCapitalBp;
        AlternativeRecoveryBp = draft.AlternativeRecoveryBp;
        DebtorDiscountRateBp = draft.DebtorDiscountRateBp;
        MaxBurdenBp = draft.MaxBurdenBp;
        CompanyWeightBp = draft.CompanyWeightBp;
        Behaviour = draft.Behaviour.ToModel();
        OfferCount = draft.OfferCount;
        OfferValidityDays = draft.OfferValidityDays;
        SolveTimeLimitMs = draft.SolveTimeLimitMs;
        Challenger = draft.Challenger is { PolicyId.Length: > 0 } c ? new Challenger(c.PolicyId, new BasisPoints(c.ShareBp)) : null;
    }

    /// <summary>
    /// The policy of <paramref name="draft"/> when it meets every rule (frequencies put in the order of
    /// <see cref="FrequencyExtensions.All"/>; a challenger with no policy id is none); otherwise null and every
    /// problem, each with its field path.
    /// </summary>
    public static bool TryCreate(PolicyDraft draft, [NotNullWhen(true)] out Policy? policy, out IReadOnlyList<PolicyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(draft);
        violations = PolicyRules.Check(draft);
        policy = violations.Count == 0 ? new Policy(draft) : null;
        return policy is not null;
    }

    /// <summary>The policy of a draft that is valid by how it was made (defaults, a checked message, a tightening).</summary>
    /// <exception cref="ArgumentException">The draft breaks a rule; the message lists every problem.</exception>
    public static Policy Create(PolicyDraft draft) =>
        TryCreate(draft, out var policy, out var violations)
            ? policy
            : throw new ArgumentException(
                "Not a valid policy: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), nameof(draft));

    /// <summary>
    /// A policy built WITHOUT its rules, for the domain's property tests that drive the math beyond the product's ranges.
    /// Internal and visible only to test assemblies (a test pins that no other assembly can see it).
    /// </summary>
    internal static Policy UncheckedForTests(PolicyDraft draft) => new(draft);

    /// <summary>This policy's values as a draft: where a changed policy (a tightening, a replaced behaviour model) starts.</summary>
    public PolicyDraft ToDraft() => new()
    {
        Id = Id,
        Version = Version,
        Description = Description,
        Currency = Currency,
        Country = Country,
        MaxTermMonths = MaxTermMonths,
        AllowedFrequencies = AllowedFrequencies,
        MaxGracePeriods = MaxGracePeriods,
        MinInstallmentMinor = MinInstallmentMinor,
        RoundingUnitMinor = RoundingUnitMinor,
        AmountStepMinor = AmountStepMinor,
        MinDownPaymentBp = MinDownPaymentBp,
        MaxDiscountFeesBp = MaxDiscountFeesBp,
        MaxDiscountInterestBp = MaxDiscountInterestBp,
        PrincipalDiscount = PrincipalDiscount,
        NominalAnnualRate = NominalAnnualRate,
        MaxEffectiveAnnualRateBp = MaxEffectiveAnnualRateBp,
        CostOfCapitalBp = CostOfCapitalBp,
        AlternativeRecoveryBp = AlternativeRecoveryBp,
        DebtorDiscountRateBp = DebtorDiscountRateBp,
        MaxBurdenBp = MaxBurdenBp,
        CompanyWeightBp = CompanyWeightBp,
        Behaviour = BehaviourDraft.Of(Behaviour),
        OfferCount = OfferCount,
        OfferValidityDays = OfferValidityDays,
        SolveTimeLimitMs = SolveTimeLimitMs,
        Challenger = Challenger is { } c ? new ChallengerDraft(c.PolicyId, c.Share.Value) : null,
    };

    /// <summary>Policy id, e.g. "default".</summary>
    public string Id { get; }

    /// <summary>Version, ≥ 1, echoed in every offer.</summary>
    public int Version { get; }

    /// <summary>Human description.</summary>
    public string Description { get; }

    /// <summary>Currency of the money fields.</summary>
    public Currency Currency { get; }

    /// <summary>ISO-3166 alpha-2 country whose business-day calendar moves due dates.</summary>
    public string Country { get; }

    /// <summary>Longest plan, months: n ≤ MaxTermMonths·p/12.</summary>
    public int MaxTermMonths { get; }

    /// <summary>Frequencies the company offers.</summary>
    public IReadOnlyList<Frequency> AllowedFrequencies { get; }

    /// <summary>Most grace periods before the first installment (plazo de gracia).</summary>
    public int MaxGracePeriods { get; }

    /// <summary>Smallest installment except the last (cuota mínima), minor units.</summary>
    public long MinInstallmentMinor { get; }

    /// <summary>Installments are multiples of this (unidad de redondeo), minor units, ≥ 1.</summary>
    public long RoundingUnitMinor { get; }

    /// <summary>Grid step of the down payment and discount the engine searches, minor units, ≥ 1.</summary>
    public long AmountStepMinor { get; }

    /// <summary>Smallest down payment (anticipo) of a plan as a share of B − Q, bp.</summary>
    public int MinDownPaymentBp { get; }

    /// <summary>Largest discount (quita) on fees, share of fees, bp.</summary>
    public int MaxDiscountFeesBp { get; }

    /// <summary>Largest discount on interest, share of interest, bp.</summary>
    public int MaxDiscountInterestBp { get; }

    /// <summary>Principal discount caps by term tier × days-past-due bucket.</summary>
    public PrincipalDiscountMatrix PrincipalDiscount { get; }

    /// <summary>Nominal annual rate (TNA) by term; empty = interest-free.</summary>
    public IReadOnlyList<RateTier> NominalAnnualRate { get; }

    /// <summary>Usury cap on the effective annual cost (CFT), bp.</summary>
    public int MaxEffectiveAnnualRateBp { get; }

    /// <summary>c: the company's annual cost of capital, bp.</summary>
    public int CostOfCapitalBp { get; }

    /// <summary>α: what the company recovers today without an agreement, share of B, bp.</summary>
    public int AlternativeRecoveryBp { get; }

    /// <summary>δ: the person's annual discount rate, bp.</summary>
    public int DebtorDiscountRateBp { get; }

    /// <summary>Largest monthly installment as a share of disposable income, bp.</summary>
    public int MaxBurdenBp { get; }

    /// <summary>w: the company's weight in N = U_c^w · U_d^(1−w), bp (1..9999).</summary>
    public int CompanyWeightBp { get; }

    /// <summary>Payment-behaviour model.</summary>
    public BehaviourModel Behaviour { get; }

    /// <summary>Offers returned, 1..10.</summary>
    public int OfferCount { get; }

    /// <summary>Days an offer stays valid from as-of.</summary>
    public int OfferValidityDays { get; }

    /// <summary>Solver time budget per request, milliseconds.</summary>
    public int SolveTimeLimitMs { get; }

    /// <summary>Optional challenger policy id and the share of accounts (bp) it receives.</summary>
    public Challenger? Challenger { get; }

    /// <summary>Largest number of installments at frequency <paramref name="f"/>: ⌊MaxTermMonths·p/12⌋.</summary>
    public int MaxInstallments(Frequency f) => MaxTermMonths * f.PeriodsPerYear() / 12;

    /// <summary>The TNA, bp, for a plan of <paramref name="installments"/> at <paramref name="f"/>.</summary>
    public int NominalRateBp(Frequency f, int installments)
    {
        if (NominalAnnualRate.Count == 0 || installments == 0)
        {
            return 0;
        }

        var months = TermMonthsCeiling(f, installments);
        foreach (var tier in NominalAnnualRate)
        {
            if (months <= tier.UpToMonths)
            {
                return tier.NominalAnnualRateBp;
            }
        }

        return NominalAnnualRate[^1].NominalAnnualRateBp;
    }

    /// <summary>⌈n·12/p⌉: the plan's term in whole months.</summary>
    public static int TermMonthsCeiling(Frequency f, int installments) =>
        (installments * 12 + f.PeriodsPerYear() - 1) / f.PeriodsPerYear();
}
