using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>A domain policy → the proto message, with every default explicit (GetPolicy, ValidatePolicy).</summary>
public static class PolicyToProto
{
    /// <summary>The complete message of <paramref name="policy"/>.</summary>
    public static V1.Policy Map(Policy policy)
    {
        var message = new V1.Policy
        {
            Id = policy.Id,
            Version = policy.Version,
            Description = policy.Description,
            Currency = policy.Currency.Code,
            Country = policy.Country,
            MaxTermMonths = policy.MaxTermMonths,
            MaxGracePeriods = policy.MaxGracePeriods,
            MinInstallmentMinor = policy.MinInstallmentMinor,
            RoundingUnitMinor = policy.RoundingUnitMinor,
            AmountStepMinor = policy.AmountStepMinor,
            MinDownPaymentBp = policy.MinDownPaymentBp,
            MaxDiscountFeesBp = policy.MaxDiscountFeesBp,
            MaxDiscountInterestBp = policy.MaxDiscountInterestBp,
            PrincipalDiscount = new V1.PrincipalDiscountMatrix(),
            MaxEffectiveAnnualRateBp = policy.MaxEffectiveAnnualRateBp,
            CostOfCapitalBp = policy.CostOfCapitalBp,
            AlternativeRecoveryBp = policy.AlternativeRecoveryBp,
            DebtorDiscountRateBp = policy.DebtorDiscountRateBp,
            MaxBurdenBp = policy.MaxBurdenBp,
            CompanyWeightBp = policy.CompanyWeightBp,
            Behaviour = new V1.BehaviourModel { GraceHazardMultiplier = policy.Behaviour.GraceHazardMultiplier },
            OfferCount = policy.OfferCount,
            OfferValidityDays = policy.OfferValidityDays,
            SolveTimeLimitMs = policy.SolveTimeLimitMs,
        };
        message.AllowedFrequencies.AddRange(policy.AllowedFrequencies.Select(ToProto.Frequency));
        message.PrincipalDiscount.DaysPastDueFrom.AddRange(policy.PrincipalDiscount.DaysPastDueFrom);
        foreach (var tier in policy.PrincipalDiscount.Tiers)
        {
            var row = new V1.DiscountTier { MaxInstallments = tier.MaxInstallments };
            row.PrincipalCapBp.AddRange(tier.PrincipalCapBp);
            message.PrincipalDiscount.Tiers.Add(row);
        }

        message.NominalAnnualRate.AddRange(policy.NominalAnnualRate.Select(t => new V1.RateTier
        {
            UpToMonths = t.UpToMonths,
            NominalAnnualRateBp = t.NominalAnnualRateBp,
        }));
        message.Behaviour.Hazard.AddRange(policy.Behaviour.Buckets.Select(b => new V1.HazardBucket
        {
            BurdenFromBp = b.BurdenFromBp,
            MonthlyHazard = b.MonthlyHazard,
        }));
        message.Behaviour.ReasonMultipliers.AddRange(policy.Behaviour.ReasonMultipliers
            .OrderBy(r => r.Key)
            .Select(r => new V1.ReasonMultiplier { Reason = (V1.Reason)(int)r.Key, Multiplier = r.Value }));
        if (policy.Challenger is { } challenger)
        {
            message.Challenger = new V1.Challenger { PolicyId = challenger.PolicyId, ShareBp = challenger.Share.Value };
        }

        return message;
    }
}
