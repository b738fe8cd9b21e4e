using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// The company's constraints for building offers (a policy). Immutable and complete: the boundary fills every
/// default and validates every range before one is built, so the domain never re-checks.
/// Shares and rates are in basis points (1 bp = 0.01 %), money in minor units of <see cref="Currency"/>.
/// </summary>
public sealed record Policy
{
    /// <summary>Policy id, e.g. "default".</summary>
    public required string Id { get; init; }

    /// <summary>Version, ≥ 1, echoed in every offer.</summary>
    public required int Version { get; init; }

    /// <summary>Human description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Currency of the money fields.</summary>
    public required Currency Currency { get; init; }

    /// <summary>ISO-3166 alpha-2 country whose business-day calendar moves due dates.</summary>
    public required string Country { get; init; }

    /// <summary>Longest plan, months: n ≤ MaxTermMonths·p/12.</summary>
    public required int MaxTermMonths { get; init; }

    /// <summary>Frequencies the company offers.</summary>
    public required IReadOnlyList<Frequency> AllowedFrequencies { get; init; }

    /// <summary>Most grace periods before the first installment (plazo de gracia).</summary>
    public required int MaxGracePeriods { get; init; }

    /// <summary>Smallest installment except the last (cuota mínima), minor units.</summary>
    public required long MinInstallmentMinor { get; init; }

    /// <summary>Installments are multiples of this (unidad de redondeo), minor units, ≥ 1.</summary>
    public required long RoundingUnitMinor { get; init; }

    /// <summary>Grid step of the down payment and discount the engine searches, minor units, ≥ 1.</summary>
    public required long AmountStepMinor { get; init; }

    /// <summary>Smallest down payment (anticipo) of a plan as a share of B − Q, bp.</summary>
    public required int MinDownPaymentBp { get; init; }

    /// <summary>Largest discount (quita) on fees, share of fees, bp.</summary>
    public required int MaxDiscountFeesBp { get; init; }

    /// <summary>Largest discount on interest, share of interest, bp.</summary>
    public required int MaxDiscountInterestBp { get; init; }

    /// <summary>Principal discount caps by term tier × days-past-due bucket.</summary>
    public required PrincipalDiscountMatrix PrincipalDiscount { get; init; }

    /// <summary>Nominal annual rate (TNA) by term; empty = interest-free.</summary>
    public required IReadOnlyList<RateTier> NominalAnnualRate { get; init; }

    /// <summary>Usury cap on the effective annual cost (CFT), bp.</summary>
    public required int MaxEffectiveAnnualRateBp { get; init; }

    /// <summary>c: the company's annual cost of capital, bp.</summary>
    public required int CostOfCapitalBp { get; init; }

    /// <summary>α: what the company recovers today without an agreement, share of B, bp.</summary>
    public required int AlternativeRecoveryBp { get; init; }

    /// <summary>δ: the person's annual discount rate, bp.</summary>
    public required int DebtorDiscountRateBp { get; init; }

    /// <summary>Largest monthly installment as a share of disposable income, bp.</summary>
    public required int MaxBurdenBp { get; init; }

    /// <summary>w: the company's weight in N = U_c^w · U_d^(1−w), bp (1..9999).</summary>
    public required int CompanyWeightBp { get; init; }

    /// <summary>Payment-behaviour model.</summary>
    public required BehaviourModel Behaviour { get; init; }

    /// <summary>Offers returned, 1..10.</summary>
    public required int OfferCount { get; init; }

    /// <summary>Days an offer stays valid from as-of.</summary>
    public required int OfferValidityDays { get; init; }

    /// <summary>Solver time budget per request, milliseconds.</summary>
    public required int SolveTimeLimitMs { get; init; }

    /// <summary>Optional challenger policy id and the share of accounts (bp) it receives.</summary>
    public Challenger? Challenger { get; init; }

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
