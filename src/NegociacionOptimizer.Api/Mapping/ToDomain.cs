using System.Collections.Frozen;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>Proto → domain, for messages that passed validation; unset fields take their documented defaults.</summary>
public static class ToDomain
{
    /// <summary>The account.</summary>
    public static D.Accounts.Account Account(V1.Account account)
    {
        if (!IsoDates.TryParse(account.AsOf, out var asOf))
        {
            throw new ArgumentException($"as_of \"{account.AsOf}\" is not an ISO date; validate the request first.", nameof(account));
        }

        return new D.Accounts.Account(
            account.AccountId,
            Currency.FromCode(account.Currency),
            account.PrincipalMinor,
            account.InterestMinor,
            account.FeesMinor,
            account.DaysPastDue,
            asOf);
    }

    /// <summary>
    /// The inquiry: income frequency unset → monthly; pay day unset → day 1 for monthly earners, Friday for weekly and
    /// biweekly earners.
    /// </summary>
    public static D.Accounts.Inquiry Inquiry(V1.Inquiry inquiry)
    {
        var frequency = Frequency(inquiry.IncomeFrequency) ?? D.Accounts.Frequency.Monthly;
        var payDay = inquiry.PayDay?.KindCase switch
        {
            V1.PayDay.KindOneofCase.DayOfMonth => PayDay.OfMonth(inquiry.PayDay.DayOfMonth),
            V1.PayDay.KindOneofCase.Weekday => PayDay.OnWeekday(Weekday(inquiry.PayDay.Weekday)),
            _ => frequency == D.Accounts.Frequency.Monthly ? PayDay.OfMonth(1) : PayDay.OnWeekday(DayOfWeek.Friday),
        };
        return new D.Accounts.Inquiry(
            inquiry.HasMonthlyIncomeMinor ? inquiry.MonthlyIncomeMinor : null,
            inquiry.HasMonthlyEssentialExpensesMinor ? inquiry.MonthlyEssentialExpensesMinor : null,
            inquiry.HasMonthlyOtherDebtPaymentsMinor ? inquiry.MonthlyOtherDebtPaymentsMinor : null,
            inquiry.HasStatedMonthlyCapacityMinor ? inquiry.StatedMonthlyCapacityMinor : null,
            inquiry.LumpSumAvailableMinor,
            frequency,
            payDay,
            Reason(inquiry.Reason));
    }

    /// <summary>A domain frequency; null for FREQUENCY_UNSPECIFIED.</summary>
    public static D.Accounts.Frequency? Frequency(V1.Frequency frequency) => frequency switch
    {
        V1.Frequency.Monthly => D.Accounts.Frequency.Monthly,
        V1.Frequency.Biweekly => D.Accounts.Frequency.Biweekly,
        V1.Frequency.Weekly => D.Accounts.Frequency.Weekly,
        _ => null,
    };

    /// <summary>A domain reason (validated: never REASON_UNSPECIFIED).</summary>
    public static D.Accounts.Reason Reason(V1.Reason reason) => (D.Accounts.Reason)(int)reason;

    /// <summary>A .NET weekday from an ISO weekday (Monday = 1 … Sunday = 7).</summary>
    public static DayOfWeek Weekday(V1.Weekday weekday) => (DayOfWeek)((int)weekday % 7);

    /// <summary>
    /// A complete policy from a message: every unset optional field takes <see cref="PolicyDefaults.ForCurrency"/>'s
    /// value for <paramref name="currency"/> (the message's own currency when it names one).
    /// </summary>
    public static Policy Policy(V1.Policy message, Currency currency)
    {
        if (message.Currency.Length > 0)
        {
            currency = Currency.FromCode(message.Currency);
        }

        var d = PolicyDefaults.ForCurrency(currency);
        var rounding = message.HasRoundingUnitMinor ? message.RoundingUnitMinor : d.RoundingUnitMinor;
        return new Policy
        {
            Id = message.Id.Length > 0 ? message.Id : d.Id,
            Version = message.Version > 0 ? message.Version : d.Version,
            Description = message.Description,
            Currency = currency,
            Country = message.Country.Length > 0 ? message.Country : d.Country,
            MaxTermMonths = message.HasMaxTermMonths ? message.MaxTermMonths : d.MaxTermMonths,
            AllowedFrequencies = message.AllowedFrequencies.Count > 0
                ? [.. FrequencyExtensions.All.Where(f => message.AllowedFrequencies.Any(m => Frequency(m) == f))]
                : d.AllowedFrequencies,
            MaxGracePeriods = message.HasMaxGracePeriods ? message.MaxGracePeriods : d.MaxGracePeriods,
            MinInstallmentMinor = message.HasMinInstallmentMinor ? message.MinInstallmentMinor : d.MinInstallmentMinor,
            RoundingUnitMinor = rounding,
            AmountStepMinor = message.HasAmountStepMinor ? message.AmountStepMinor : rounding,
            MinDownPaymentBp = message.HasMinDownPaymentBp ? message.MinDownPaymentBp : d.MinDownPaymentBp,
            MaxDiscountFeesBp = message.HasMaxDiscountFeesBp ? message.MaxDiscountFeesBp : d.MaxDiscountFeesBp,
            MaxDiscountInterestBp = message.HasMaxDiscountInterestBp ? message.MaxDiscountInterestBp : d.MaxDiscountInterestBp,
            PrincipalDiscount = message.PrincipalDiscount is { } m
                ? new PrincipalDiscountMatrix([.. m.DaysPastDueFrom], [.. m.Tiers.Select(t => new DiscountTier(t.MaxInstallments, [.. t.PrincipalCapBp]))])
                : d.PrincipalDiscount,
            NominalAnnualRate = message.NominalAnnualRate.Count > 0
                ? [.. message.NominalAnnualRate.Select(t => new RateTier(t.UpToMonths, t.NominalAnnualRateBp))]
                : d.NominalAnnualRate,
            MaxEffectiveAnnualRateBp = message.HasMaxEffectiveAnnualRateBp ? message.MaxEffectiveAnnualRateBp : d.MaxEffectiveAnnualRateBp,
            CostOfCapitalBp = message.HasCostOfCapitalBp ? message.CostOfCapitalBp : d.CostOfCapitalBp,
            AlternativeRecoveryBp = message.HasAlternativeRecoveryBp ? message.AlternativeRecoveryBp : d.AlternativeRecoveryBp,
            DebtorDiscountRateBp = message.HasDebtorDiscountRateBp ? message.DebtorDiscountRateBp : d.DebtorDiscountRateBp,
            MaxBurdenBp = message.HasMaxBurdenBp ? message.MaxBurdenBp : d.MaxBurdenBp,
            CompanyWeightBp = message.HasCompanyWeightBp ? message.CompanyWeightBp : d.CompanyWeightBp,
            Behaviour = Behaviour(message.Behaviour, d.Behaviour),
            OfferCount = message.HasOfferCount ? message.OfferCount : d.OfferCount,
            OfferValidityDays = message.HasOfferValidityDays ? message.OfferValidityDays : d.OfferValidityDays,
            SolveTimeLimitMs = message.HasSolveTimeLimitMs ? message.SolveTimeLimitMs : d.SolveTimeLimitMs,
            Challenger = message.Challenger is { PolicyId.Length: > 0 } c ? new Challenger(c.PolicyId, new BasisPoints(c.ShareBp)) : null,
        };
    }

    private static BehaviourModel Behaviour(V1.BehaviourModel? message, BehaviourModel defaults)
    {
        if (message is null)
        {
            return defaults;
        }

        var buckets = message.Hazard.Count > 0
            ? [.. message.Hazard.Select(h => new HazardBucket(h.BurdenFromBp, h.MonthlyHazard))]
            : defaults.Buckets;
        var multipliers = message.ReasonMultipliers.Count > 0
            ? message.ReasonMultipliers.ToFrozenDictionary(r => Reason(r.Reason), r => r.Multiplier)
            : defaults.ReasonMultipliers;
        return new BehaviourModel(buckets, multipliers)
        {
            GraceHazardMultiplier = message.HasGraceHazardMultiplier ? message.GraceHazardMultiplier : defaults.GraceHazardMultiplier,
        };
    }
}
