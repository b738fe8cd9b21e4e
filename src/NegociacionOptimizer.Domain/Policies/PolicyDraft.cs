using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// A policy's values before they are checked: what the boundary maps a message to, what defaults and tightening
/// start from (<see cref="PolicyDefaults.Draft"/>, <see cref="Policy.ToDraft"/>). Only
/// <see cref="Policy.TryCreate"/> / <see cref="Policy.Create"/> turn one into a <see cref="Policy"/>; each property is
/// documented on the policy's property of the same name. Lists are taken as they are, not copied: hand over lists
/// nobody changes afterwards.
/// </summary>
public sealed record PolicyDraft
{
    /// <summary>Policy id.</summary>
    public required string Id { get; init; }

    /// <summary>Version.</summary>
    public required int Version { get; init; }

    /// <summary>Human description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Currency of the money fields.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Country of the business-day calendar.</summary>
    public required string Country { get; init; }

    /// <summary>Longest plan, months.</summary>
    public required int MaxTermMonths { get; init; }

    /// <summary>Frequencies offered, in any order; each once.</summary>
    public required IReadOnlyList<Frequency> AllowedFrequencies { get; init; }

    /// <summary>Most grace periods.</summary>
    public required int MaxGracePeriods { get; init; }

    /// <summary>Smallest installment except the last, minor units.</summary>
    public required long MinInstallmentMinor { get; init; }

    /// <summary>Rounding unit of installments, minor units.</summary>
    public required long RoundingUnitMinor { get; init; }

    /// <summary>Grid step of the down payment and discount, minor units.</summary>
    public required long AmountStepMinor { get; init; }

    /// <summary>Smallest down payment, bp.</summary>
    public required int MinDownPaymentBp { get; init; }

    /// <summary>Largest discount on fees, bp.</summary>
    public required int MaxDiscountFeesBp { get; init; }

    /// <summary>Largest discount on interest, bp.</summary>
    public required int MaxDiscountInterestBp { get; init; }

    /// <summary>Principal discount caps.</summary>
    public required PrincipalDiscountMatrix PrincipalDiscount { get; init; }

    /// <summary>TNA tiers; empty = interest-free.</summary>
    public required IReadOnlyList<RateTier> NominalAnnualRate { get; init; }

    /// <summary>Usury cap on the CFT, bp.</summary>
    public required int MaxEffectiveAnnualRateBp { get; init; }

    /// <summary>c, bp.</summary>
    public required int CostOfCapitalBp { get; init; }

    /// <summary>α, bp.</summary>
    public required int AlternativeRecoveryBp { get; init; }

    /// <summary>δ, bp.</summary>
    public required int DebtorDiscountRateBp { get; init; }

    /// <summary>Largest burden, bp.</summary>
    public required int MaxBurdenBp { get; init; }

    /// <summary>w, bp.</summary>
    public required int CompanyWeightBp { get; init; }

    /// <summary>Payment-behaviour model.</summary>
    public required BehaviourDraft Behaviour { get; init; }

    /// <summary>Offers returned.</summary>
    public required int OfferCount { get; init; }

    /// <summary>Days an offer stays valid.</summary>
    public required int OfferValidityDays { get; init; }

    /// <summary>Solver time budget, milliseconds.</summary>
    public required int SolveTimeLimitMs { get; init; }

    /// <summary>Optional challenger.</summary>
    public ChallengerDraft? Challenger { get; init; }
}
