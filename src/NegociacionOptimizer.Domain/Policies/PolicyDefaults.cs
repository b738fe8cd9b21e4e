using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// Defaults of the policy fields that are not one number (the numeric ones are rows of <see cref="FieldLimits"/>), and
/// the built-in <c>default</c> policy the server answers with when a request names no policy. Sources: SPEC §2 and §4; Colombia's consumer usury cap (Superfinanciera Res. 0405/2026:
/// 25.52 % EA for March 2026); principal-discount caps by days past due from a published collections trial
/// (AEA RCT 13871: 25 %, 40 %, 50 % for 91–120, 121–150, 151–180 days).
/// </summary>
public static class PolicyDefaults
{
    /// <summary>Id of the built-in policy.</summary>
    public const string DefaultPolicyId = "default";

    /// <summary>Default business-day calendar.</summary>
    public const string Country = "CO";

    /// <summary>
    /// Default principal-discount matrix: settlement and short plans get more, older accounts get more. Accounts up to
    /// 90 days past due get at most 10 % (settlement) and 5 % (≤ 6 installments): most of them cure without a discount,
    /// and the caps then rise to the published trial's 25 / 40 / 50 % for 91–120, 121–150 and 151+ days.
    /// </summary>
    public static PrincipalDiscountMatrix PrincipalDiscount { get; } = new(
        [0, 91, 121, 151],
        [
            new(0, [1_000, 2_500, 4_000, 5_000]),
            new(6, [500, 1_500, 2_500, 3_000]),
            new(12, [0, 500, 1_000, 1_500]),
        ]);

    /// <summary>
    /// The built-in policy's TNA tiers: 18 % up to 12 months, 20 % beyond (CFT ≈ 19.6–21.9 %, under the cap). Only the
    /// built-in policy has them: a policy that gives no rate tiers is interest-free (SPEC §2).
    /// </summary>
    public static IReadOnlyList<RateTier> BuiltInNominalAnnualRate { get; } = [new(12, 1_800), new(120, 2_000)];

    /// <summary>The built-in policy: Colombian pesos, Colombia's calendar and usury cap.</summary>
    public static Policy BuiltIn { get; } = ForCurrency(Currency.FromCode("COP")) with
    {
        Id = DefaultPolicyId,
        Version = 1,
        Description = "Built-in policy: COP, Colombian calendar and consumer usury cap (25.52 % EA, March 2026).",
        // 1,000 COP rounding and a 50,000 COP minimum installment: usual for Colombian consumer portfolios.
        RoundingUnitMinor = 100_000,
        AmountStepMinor = 100_000,
        MinInstallmentMinor = 5_000_000,
        NominalAnnualRate = BuiltInNominalAnnualRate,
    };

    /// <summary>
    /// A policy with every documented default for <paramref name="currency"/>: money fields default to one major unit
    /// of rounding and no minimum installment, because a money default cannot suit every currency; no rate tiers, so
    /// interest-free.
    /// </summary>
    public static Policy ForCurrency(Currency currency) => new()
    {
        Id = "inline",
        Version = 1,
        Currency = currency,
        Country = Country,
        MaxTermMonths = FieldLimits.MaxTermMonths.DefaultValue,
        AllowedFrequencies = FrequencyExtensions.All,
        MaxGracePeriods = FieldLimits.MaxGracePeriods.DefaultValue,
        MinInstallmentMinor = FieldLimits.MinInstallmentMinor.DefaultValue,
        RoundingUnitMinor = currency.MinorPerMajor,
        AmountStepMinor = currency.MinorPerMajor,
        MinDownPaymentBp = FieldLimits.MinDownPaymentBp.DefaultValue,
        MaxDiscountFeesBp = FieldLimits.MaxDiscountFeesBp.DefaultValue,
        MaxDiscountInterestBp = FieldLimits.MaxDiscountInterestBp.DefaultValue,
        PrincipalDiscount = PrincipalDiscount,
        NominalAnnualRate = [],
        MaxEffectiveAnnualRateBp = FieldLimits.MaxEffectiveAnnualRateBp.DefaultValue,
        CostOfCapitalBp = FieldLimits.CostOfCapitalBp.DefaultValue,
        AlternativeRecoveryBp = FieldLimits.AlternativeRecoveryBp.DefaultValue,
        DebtorDiscountRateBp = FieldLimits.DebtorDiscountRateBp.DefaultValue,
        MaxBurdenBp = FieldLimits.MaxBurdenBp.DefaultValue,
        CompanyWeightBp = FieldLimits.CompanyWeightBp.DefaultValue,
        Behaviour = BehaviourModel.Default,
        OfferCount = FieldLimits.OfferCount.DefaultValue,
        OfferValidityDays = FieldLimits.OfferValidityDays.DefaultValue,
        SolveTimeLimitMs = FieldLimits.SolveTimeLimitMs.DefaultValue,
    };
}
