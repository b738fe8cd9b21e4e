using System.Reflection;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Limits;

/// <summary>
/// The one table of every numeric request and policy field's unit, range and default. The request validators and
/// <see cref="Policies.Policy"/> construction check these ranges, <see cref="Policies.PolicyDefaults"/> and the mapping take these defaults, and tests hold the
/// proto comments and <c>policies/policy.schema.json</c> to them: a new field is one row here.
/// </summary>
public static class FieldLimits
{
    /// <summary>Largest amount any money field may hold, minor units (10^15).</summary>
    private const long MaxAmountMinor = 1_000_000_000_000_000;

    /// <summary>
    /// Largest balance B = principal + interest + fees, minor units (10^11: one thousand million major units). Measured
    /// on the CP-SAT engine: above ≈ 10^12 its integer model can overflow int64, and from ≈ 3·10^11 a search overruns
    /// its time limit; up to 10^11 it keeps both.
    /// </summary>
    public const long MaxBalanceMinor = 100_000_000_000;

    /// <summary>Most entries a list in a policy may hold (tiers, buckets, rate tiers, multipliers).</summary>
    public const int MaxListLength = 32;

    /// <summary>Longest request id, characters.</summary>
    public const int MaxRequestIdLength = 64;

    /// <summary>Longest policy description, characters.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>Longest account id, characters.</summary>
    public const int MaxAccountIdLength = 128;

    /// <summary>Longest inquiry notes, characters.</summary>
    public const int MaxNotesLength = 2_000;

    /// <summary>Longest stream item id, characters.</summary>
    public const int MaxItemIdLength = 128;

    /// <summary>Largest rounding unit and amount step, minor units (10^12).</summary>
    private const long MaxGridMinor = 1_000_000_000_000;

    /// <summary>Largest days past due (ten years), of an account and of a discount bucket.</summary>
    private const int MaxDaysPastDue = 3_650;

    /// <summary>Longest plan in months, of a policy and of a rate tier.</summary>
    private const int MaxTermMonthsLimit = 120;

    /// <summary>Largest number of installments, of a discount tier and of a proposal.</summary>
    private const int MaxInstallmentsLimit = 1_000;

    /// <summary>Largest annual rate a policy may set, bp (1,000 % a year).</summary>
    private const int MaxAnnualRateBp = 100_000;

    /// <summary>A multiplier's range (of a reason, or of grace periods): a hundredth to twenty times.</summary>
    private const double MinMultiplier = 0.01;

    private const double MaxMultiplier = 20;

    /// <summary>m_g when a policy does not set it: a grace period is as likely to lapse as a plan month.</summary>
    public const double DefaultGraceHazardMultiplier = 1.0;

    // Policy.

    /// <summary>Policy version, bumped on every change.</summary>
    public static FieldLimit<int> Version { get; } = new("Policy", "version", "version", 1, int.MaxValue);

    /// <summary>Longest plan.</summary>
    public static FieldLimit<int> MaxTermMonths { get; } = new("Policy", "max_term_months", "months", 1, MaxTermMonthsLimit)
    {
        Default = 36,
        AlsoOn = ["PolicyTightening.max_term_months"],
    };

    /// <summary>Most grace periods before the first installment.</summary>
    public static FieldLimit<int> MaxGracePeriods { get; } = new("Policy", "max_grace_periods", "periods", 0, 12)
    {
        Default = 2,
        AlsoOn = ["PolicyTightening.max_grace_periods"],
    };

    /// <summary>Smallest installment except the last; 0 = none.</summary>
    public static FieldLimit<long> MinInstallmentMinor { get; } = new("Policy", "min_installment_minor", "minor units", 0, MaxAmountMinor) { Default = 0 };

    /// <summary>Installments are multiples of this; the default is one major unit of the currency.</summary>
    public static FieldLimit<long> RoundingUnitMinor { get; } = new("Policy", "rounding_unit_minor", "minor units", 1, MaxGridMinor);

    /// <summary>Grid of the down payment and discount; the default is the rounding unit.</summary>
    public static FieldLimit<long> AmountStepMinor { get; } = new("Policy", "amount_step_minor", "minor units", 1, MaxGridMinor);

    /// <summary>Smallest down payment, share of B − Q.</summary>
    public static FieldLimit<int> MinDownPaymentBp { get; } = new("Policy", "min_down_payment_bp", "bp", 0, BasisPoints.Whole)
    {
        Default = 0,
        AlsoOn = ["PolicyTightening.min_down_payment_bp"],
    };

    /// <summary>Largest discount on fees, share of fees.</summary>
    public static FieldLimit<int> MaxDiscountFeesBp { get; } = new("Policy", "max_discount_fees_bp", "bp", 0, BasisPoints.Whole)
    {
        Default = 10_000,
        AlsoOn = ["PolicyTightening.max_discount_fees_bp"],
    };

    /// <summary>Largest discount on interest, share of interest.</summary>
    public static FieldLimit<int> MaxDiscountInterestBp { get; } = new("Policy", "max_discount_interest_bp", "bp", 0, BasisPoints.Whole)
    {
        Default = 5_000,
        AlsoOn = ["PolicyTightening.max_discount_interest_bp"],
    };

    /// <summary>Usury cap on the CFT; the default is Colombia's consumer usury cap (March 2026).</summary>
    public static FieldLimit<int> MaxEffectiveAnnualRateBp { get; } = new("Policy", "max_effective_annual_rate_bp", "bp", 0, MaxAnnualRateBp)
    {
        Default = 2_552,
        AlsoOn = ["PolicyTightening.max_effective_annual_rate_bp"],
    };

    /// <summary>c: the company's annual cost of capital.</summary>
    public static FieldLimit<int> CostOfCapitalBp { get; } = new("Policy", "cost_of_capital_bp", "bp", 0, MaxAnnualRateBp) { Default = 2_000 };

    /// <summary>α: what the company recovers today without an agreement, share of B.</summary>
    public static FieldLimit<int> AlternativeRecoveryBp { get; } = new("Policy", "alternative_recovery_bp", "bp", 0, BasisPoints.Whole) { Default = 2_500 };

    /// <summary>δ: the person's annual discount rate.</summary>
    public static FieldLimit<int> DebtorDiscountRateBp { get; } = new("Policy", "debtor_discount_rate_bp", "bp", 0, MaxAnnualRateBp) { Default = 6_000 };

    /// <summary>Largest monthly installment as a share of disposable income.</summary>
    public static FieldLimit<int> MaxBurdenBp { get; } = new("Policy", "max_burden_bp", "bp", 1, BasisPoints.Whole)
    {
        Default = 3_500,
        AlsoOn = ["PolicyTightening.max_burden_bp"],
    };

    /// <summary>w: the company's weight in N = U_c^w · U_d^(1−w); never 0 nor the whole, so both sides count.</summary>
    public static FieldLimit<int> CompanyWeightBp { get; } = new("Policy", "company_weight_bp", "bp", 1, BasisPoints.Whole - 1) { Default = 5_000 };

    /// <summary>Offers returned (a request may override the policy's count).</summary>
    public static FieldLimit<int> OfferCount { get; } = new("Policy", "offer_count", "offers", 1, 10)
    {
        Default = 5,
        AlsoOn = ["GenerateOffersRequest.offer_count"],
    };

    /// <summary>Days an offer stays valid from as-of.</summary>
    public static FieldLimit<int> OfferValidityDays { get; } = new("Policy", "offer_validity_days", "days", 1, 90) { Default = 7 };

    /// <summary>Solver time budget per request.</summary>
    public static FieldLimit<int> SolveTimeLimitMs { get; } = new("Policy", "solve_time_limit_ms", "milliseconds", 50, 60_000) { Default = 2_000 };

    /// <summary>Lower bound of a days-past-due bucket of the principal-discount matrix.</summary>
    public static FieldLimit<int> DaysPastDueFrom { get; } = new("PrincipalDiscountMatrix", "days_past_due_from", "days", 0, MaxDaysPastDue);

    /// <summary>Longest plan of a discount tier (0 = single-payment settlement).</summary>
    public static FieldLimit<int> TierMaxInstallments { get; } = new("DiscountTier", "max_installments", "installments", 0, MaxInstallmentsLimit);

    /// <summary>A principal-discount cap (and a call's cap on every cell).</summary>
    public static FieldLimit<int> PrincipalCapBp { get; } = new("DiscountTier", "principal_cap_bp", "bp", 0, BasisPoints.Whole)
    {
        AlsoOn = ["PolicyTightening.max_principal_discount_bp"],
    };

    /// <summary>Longest term of a rate tier.</summary>
    public static FieldLimit<int> RateUpToMonths { get; } = new("RateTier", "up_to_months", "months", 1, MaxTermMonthsLimit);

    /// <summary>
    /// TNA of a rate tier (200 % a year): above the consumer rates of every supported country, Argentina's included,
    /// and far below the 50,000 bp at which the engine's integer model of (1 + i)^n overflowed on every request.
    /// </summary>
    public static FieldLimit<int> NominalAnnualRateBp { get; } = new("RateTier", "nominal_annual_rate_bp", "bp", 0, 20_000);

    /// <summary>m_g: multiplier of the monthly hazard during grace periods.</summary>
    public static FieldLimit<double> GraceHazardMultiplier { get; } = new("BehaviourModel", "grace_hazard_multiplier", "dimensionless", MinMultiplier, MaxMultiplier)
    {
        Default = DefaultGraceHazardMultiplier,
    };

    /// <summary>Lower bound of a burden bucket (10,000 = the whole disposable income).</summary>
    public static FieldLimit<int> BurdenFromBp { get; } = new("HazardBucket", "burden_from_bp", "bp", 0, MaxAnnualRateBp);

    /// <summary>A bucket's monthly probability of breaking the plan; its maximum is the model's cap on any monthly hazard.</summary>
    public static FieldLimit<double> MonthlyHazard { get; } = new("HazardBucket", "monthly_hazard", "probability", 0, 0.95);

    /// <summary>A reason's hazard multiplier.</summary>
    public static FieldLimit<double> ReasonMultiplier { get; } = new("ReasonMultiplier", "multiplier", "dimensionless", MinMultiplier, MaxMultiplier);

    /// <summary>Share of accounts a challenger receives.</summary>
    public static FieldLimit<int> ChallengerShareBp { get; } = new("Challenger", "share_bp", "bp", 0, BasisPoints.Whole);

    // Requests.

    /// <summary>Outstanding principal.</summary>
    public static FieldLimit<long> PrincipalMinor { get; } = new("Account", "principal_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>Accrued interest.</summary>
    public static FieldLimit<long> InterestMinor { get; } = new("Account", "interest_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>Fees and charges.</summary>
    public static FieldLimit<long> FeesMinor { get; } = new("Account", "fees_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>Days past due of the account.</summary>
    public static FieldLimit<int> DaysPastDue { get; } = new("Account", "days_past_due", "days", 0, MaxDaysPastDue);

    /// <summary>The pay day's day of the month.</summary>
    public static FieldLimit<int> PayDayOfMonth { get; } = new("PayDay", "day_of_month", "day of the month", 1, 31);

    /// <summary>Net monthly income.</summary>
    public static FieldLimit<long> MonthlyIncomeMinor { get; } = new("Inquiry", "monthly_income_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>Monthly essential expenses.</summary>
    public static FieldLimit<long> MonthlyEssentialExpensesMinor { get; } = new("Inquiry", "monthly_essential_expenses_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>Monthly payments on other debts.</summary>
    public static FieldLimit<long> MonthlyOtherDebtPaymentsMinor { get; } = new("Inquiry", "monthly_other_debt_payments_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>What the person says they can pay a month.</summary>
    public static FieldLimit<long> StatedMonthlyCapacityMinor { get; } = new("Inquiry", "stated_monthly_capacity_minor", "minor units", 1, MaxAmountMinor);

    /// <summary>What the person can pay today.</summary>
    public static FieldLimit<long> LumpSumAvailableMinor { get; } = new("Inquiry", "lump_sum_available_minor", "minor units", 0, MaxAmountMinor) { Default = 0 };

    /// <summary>Counter-offers wanted when a proposal is not acceptable.</summary>
    public static FieldLimit<int> MaxCounterOffers { get; } = new("EvaluateProposalRequest", "max_counter_offers", "counter-offers", 0, 5) { Default = 3 };

    /// <summary>A proposal's down payment.</summary>
    public static FieldLimit<long> ProposalDownPaymentMinor { get; } = new("Proposal", "down_payment_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>A proposal's discount in money.</summary>
    public static FieldLimit<long> ProposalDiscountMinor { get; } = new("Proposal", "discount_minor", "minor units", 0, MaxAmountMinor);

    /// <summary>A proposal's discount as a share of B.</summary>
    public static FieldLimit<int> ProposalDiscountBp { get; } = new("Proposal", "discount_bp", "bp", 0, BasisPoints.Whole);

    /// <summary>A proposal's number of installments (0 = pay everything today).</summary>
    public static FieldLimit<int> ProposalInstallments { get; } = new("Proposal", "installments", "installments", 0, MaxInstallmentsLimit);

    /// <summary>A proposal's installment amount.</summary>
    public static FieldLimit<long> ProposalInstallmentMinor { get; } = new("Proposal", "installment_minor", "minor units", 1, MaxAmountMinor);

    /// <summary>Which payment of a plan a report is about: 0 the down payment, 1..n the installments.</summary>
    public static FieldLimit<int> PaymentNumber { get; } = new("RecordPaymentRequest", "installment", "payment number", 0, MaxInstallmentsLimit);

    /// <summary>An amount paid towards one payment of a plan (at least 1 when paid, 0 when missed).</summary>
    public static FieldLimit<long> PaymentAmountMinor { get; } = new("RecordPaymentRequest", "amount_minor", "minor units", 0, MaxAmountMinor) { Default = 0 };

    /// <summary>Every row of the table (found by reflection, so that a new field is one row and nothing else).</summary>
    public static IReadOnlyList<IFieldLimit> All { get; } =
    [
        .. typeof(FieldLimits).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => typeof(IFieldLimit).IsAssignableFrom(p.PropertyType))
            .Select(p => (IFieldLimit)p.GetValue(null)!),
    ];

    /// <summary>What is wrong with a list of <paramref name="count"/> entries (more than <see cref="MaxListLength"/>); null when it is short enough.</summary>
    public static string? ListLengthViolation(int count) =>
        count <= MaxListLength ? null : $"must have at most {MaxListLength} entries; got {count}";

    /// <summary>What is wrong with <paramref name="text"/> (longer than <paramref name="max"/> characters); null when it is short enough.</summary>
    public static string? TextLengthViolation(string text, int max) =>
        text.Length <= max ? null : $"must be at most {max} characters; got {text.Length}";
}
