using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Policies;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Policies;

/// <summary>Domain policy and behaviour model ↔ their protobuf messages, for the policy files the tools read and write.</summary>
internal static class PolicyProto
{
    /// <summary>The policy with every field explicit (an absent challenger becomes an empty one: no challenger).</summary>
    public static Proto.Policy FromDomain(Policy p)
    {
        var proto = new Proto.Policy
        {
            Id = p.Id,
            Version = p.Version,
            Description = p.Description,
            Currency = p.Currency.Code,
            Country = p.Country,
            MaxTermMonths = p.MaxTermMonths,
            MaxGracePeriods = p.MaxGracePeriods,
            MinInstallmentMinor = p.MinInstallmentMinor,
            RoundingUnitMinor = p.RoundingUnitMinor,
            AmountStepMinor = p.AmountStepMinor,
            MinDownPaymentBp = p.MinDownPaymentBp,
            MaxDiscountFeesBp = p.MaxDiscountFeesBp,
            MaxDiscountInterestBp = p.MaxDiscountInterestBp,
            PrincipalDiscount = new Proto.PrincipalDiscountMatrix
            {
                DaysPastDueFrom = { p.PrincipalDiscount.DaysPastDueFrom },
                Tiers =
                {
                    p.PrincipalDiscount.Tiers.Select(t => new Proto.DiscountTier
                    {
                        MaxInstallments = t.MaxInstallments, PrincipalCapBp = { t.PrincipalCapBp },
                    }),
                },
            },
            MaxEffectiveAnnualRateBp = p.MaxEffectiveAnnualRateBp,
            CostOfCapitalBp = p.CostOfCapitalBp,
            AlternativeRecoveryBp = p.AlternativeRecoveryBp,
            DebtorDiscountRateBp = p.DebtorDiscountRateBp,
            MaxBurdenBp = p.MaxBurdenBp,
            CompanyWeightBp = p.CompanyWeightBp,
            Behaviour = FromDomain(p.Behaviour),
            OfferCount = p.OfferCount,
            OfferValidityDays = p.OfferValidityDays,
            SolveTimeLimitMs = p.SolveTimeLimitMs,
            Challenger = new Proto.Challenger { PolicyId = p.Challenger?.PolicyId ?? string.Empty, ShareBp = p.Challenger?.ShareBp ?? 0 },
        };
        proto.AllowedFrequencies.AddRange(p.AllowedFrequencies.Select(ProtoNames.ToProto));
        proto.NominalAnnualRate.AddRange(p.NominalAnnualRate.Select(t => new Proto.RateTier
        {
            UpToMonths = t.UpToMonths, NominalAnnualRateBp = t.NominalAnnualRateBp,
        }));
        return proto;
    }

    /// <summary>The model's table and multipliers, reasons in their enum order.</summary>
    public static Proto.BehaviourModel FromDomain(BehaviourModel model) => new()
    {
        Hazard = { model.Buckets.Select(b => new Proto.HazardBucket { BurdenFromBp = b.BurdenFromBp, MonthlyHazard = b.MonthlyHazard }) },
        ReasonMultipliers =
        {
            model.ReasonMultipliers.OrderBy(kv => kv.Key)
                .Select(kv => new Proto.ReasonMultiplier { Reason = ProtoNames.ToProto(kv.Key), Multiplier = kv.Value }),
        },
    };

    /// <summary>The domain model of a policy file's behaviour; SPEC §4's default when the file has none.</summary>
    /// <exception cref="FormatException">The table is not a valid hazard table.</exception>
    public static BehaviourModel ToDomain(Proto.BehaviourModel? proto)
    {
        if (proto is null || proto.Hazard.Count == 0)
        {
            return BehaviourModel.Default;
        }

        var buckets = proto.Hazard.Select(h => new HazardBucket(h.BurdenFromBp, h.MonthlyHazard)).ToList();
        if (buckets[0].BurdenFromBp != 0 || buckets.Zip(buckets.Skip(1)).Any(p => p.Second.BurdenFromBp <= p.First.BurdenFromBp))
        {
            throw new FormatException("behaviour.hazard: buckets must be strictly ascending from burdenFromBp 0");
        }

        if (buckets.Any(b => b.MonthlyHazard is < 0 or > BehaviourModel.MaxMonthlyHazard || double.IsNaN(b.MonthlyHazard)))
        {
            throw new FormatException("behaviour.hazard: every monthlyHazard must be within 0..0.95");
        }

        var multipliers = new Dictionary<Reason, double>();
        foreach (var m in proto.ReasonMultipliers)
        {
            if (m.Multiplier is < 0.01 or > 20 || !multipliers.TryAdd(ProtoNames.FromProto(m.Reason), m.Multiplier))
            {
                throw new FormatException($"behaviour.reasonMultipliers: {m.Reason} must appear once with a multiplier within 0.01..20");
            }
        }

        return new BehaviourModel(buckets, multipliers);
    }
}
