using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>Checks a <see cref="Policy"/> message against the ranges of <see cref="FieldLimits"/> and the shapes documented in policy.proto.</summary>
public static class PolicyValidator
{
    /// <summary>
    /// Adds every problem of <paramref name="policy"/> to <paramref name="problems"/>, field paths starting with
    /// <paramref name="prefix"/> (e.g. "policy." inline, "" for a policy document). A named policy document
    /// (<paramref name="inline"/> false) needs an id, a version and a currency; an inline one may leave them out.
    /// </summary>
    public static void Validate(Problems problems, V1.Policy policy, string prefix, bool inline)
    {
        string P(string field) => prefix + field;

        if (!inline)
        {
            if (!PolicyIds.IsWellFormed(policy.Id))
            {
                problems.Add(P("id"), PolicyIds.Rule);
            }

            problems.Range(P("version"), policy.Version, FieldLimits.Version);
        }
        else if (policy.Version != 0)
        {
            problems.Range(P("version"), policy.Version, FieldLimits.Version);
        }

        problems.MaxLength(P("description"), policy.Description, FieldLimits.MaxDescriptionLength);
        if (policy.Currency.Length > 0 || !inline)
        {
            if (!Currency.TryFromCode(policy.Currency, out _))
            {
                problems.Add(P("currency"), $"must be a supported ISO-4217 code ({string.Join(", ", Currency.SupportedCodes)}); got \"{policy.Currency}\"");
            }
        }

        if (policy.Country.Length > 0 && !BusinessCalendars.SupportedCountries.Contains(policy.Country, StringComparer.Ordinal))
        {
            problems.Add(P("country"), $"must be one of {string.Join(", ", BusinessCalendars.SupportedCountries)}; got \"{policy.Country}\"");
        }

        ValidateTerms(problems, policy, P);
        ValidateDiscounts(problems, policy, P);
        ValidateRates(problems, policy, P);
        if (policy.Behaviour is { } behaviour)
        {
            ValidateBehaviour(problems, behaviour, P("behaviour."));
        }

        if (policy.HasOfferCount)
        {
            problems.Range(P("offer_count"), policy.OfferCount, FieldLimits.OfferCount);
        }

        if (policy.HasOfferValidityDays)
        {
            problems.Range(P("offer_validity_days"), policy.OfferValidityDays, FieldLimits.OfferValidityDays);
        }

        if (policy.HasSolveTimeLimitMs)
        {
            problems.Range(P("solve_time_limit_ms"), policy.SolveTimeLimitMs, FieldLimits.SolveTimeLimitMs);
        }

        if (policy.Challenger is { } challenger)
        {
            if (challenger.PolicyId.Length > 0 && !PolicyIds.IsWellFormed(challenger.PolicyId))
            {
                problems.Add(P("challenger.policy_id"), PolicyIds.Rule);
            }

            problems.Range(P("challenger.share_bp"), challenger.ShareBp, FieldLimits.ChallengerShareBp);
        }
    }

    private static void ValidateTerms(Problems problems, V1.Policy policy, Func<string, string> p)
    {
        if (policy.HasMaxTermMonths)
        {
            problems.Range(p("max_term_months"), policy.MaxTermMonths, FieldLimits.MaxTermMonths);
        }

        var seen = new HashSet<V1.Frequency>();
        problems.MaxCount(p("allowed_frequencies"), policy.AllowedFrequencies.Count);
        for (var i = 0; i < Math.Min(policy.AllowedFrequencies.Count, FieldLimits.MaxListLength); i++)
        {
            var f = policy.AllowedFrequencies[i];
            var field = p($"allowed_frequencies[{i}]");
            if (problems.Enum(field, f, ProtoEnums.Frequency, allowUnspecified: false) && !seen.Add(f))
            {
                problems.Add(field, $"{f} is listed twice");
            }
        }

        if (policy.HasMaxGracePeriods)
        {
            problems.Range(p("max_grace_periods"), policy.MaxGracePeriods, FieldLimits.MaxGracePeriods);
        }

        if (policy.HasMinInstallmentMinor)
        {
            problems.Range(p("min_installment_minor"), policy.MinInstallmentMinor, FieldLimits.MinInstallmentMinor);
        }

        if (policy.HasRoundingUnitMinor)
        {
            problems.Range(p("rounding_unit_minor"), policy.RoundingUnitMinor, FieldLimits.RoundingUnitMinor);
        }

        if (policy.HasAmountStepMinor)
        {
            problems.Range(p("amount_step_minor"), policy.AmountStepMinor, FieldLimits.AmountStepMinor);
        }

        if (policy.HasMinDownPaymentBp)
        {
            problems.Range(p("min_down_payment_bp"), policy.MinDownPaymentBp, FieldLimits.MinDownPaymentBp);
        }
    }

    private static void ValidateDiscounts(Problems problems, V1.Policy policy, Func<string, string> p)
    {
        if (policy.HasMaxDiscountFeesBp)
        {
            problems.Range(p("max_discount_fees_bp"), policy.MaxDiscountFeesBp, FieldLimits.MaxDiscountFeesBp);
        }

        if (policy.HasMaxDiscountInterestBp)
        {
            problems.Range(p("max_discount_interest_bp"), policy.MaxDiscountInterestBp, FieldLimits.MaxDiscountInterestBp);
        }

        if (policy.PrincipalDiscount is not { } matrix)
        {
            return;
        }

        var from = matrix.DaysPastDueFrom;
        if (from.Count == 0)
        {
            problems.Add(p("principal_discount.days_past_due_from"), "must list at least one bucket, the first 0");
        }

        if (matrix.Tiers.Count == 0)
        {
            problems.Add(p("principal_discount.tiers"), "must list at least one tier (a matrix with no tier allows no principal discount; leave principal_discount out for the default)");
        }

        if (!problems.MaxCount(p("principal_discount.days_past_due_from"), from.Count) | !problems.MaxCount(p("principal_discount.tiers"), matrix.Tiers.Count))
        {
            return;
        }

        for (var j = 0; j < from.Count; j++)
        {
            var field = p($"principal_discount.days_past_due_from[{j}]");
            if (j == 0 && from[0] != 0)
            {
                problems.Add(field, $"the first bucket must start at 0; got {from[0]}");
            }
            else if (j > 0 && from[j] <= from[j - 1])
            {
                problems.Add(field, $"buckets must be strictly ascending; got {from[j]} after {from[j - 1]}");
            }
            else
            {
                problems.Range(field, from[j], FieldLimits.DaysPastDueFrom);
            }
        }

        for (var i = 0; i < matrix.Tiers.Count; i++)
        {
            var tier = matrix.Tiers[i];
            var field = p($"principal_discount.tiers[{i}]");
            problems.Range(field + ".max_installments", tier.MaxInstallments, FieldLimits.TierMaxInstallments);
            if (i > 0 && tier.MaxInstallments <= matrix.Tiers[i - 1].MaxInstallments)
            {
                problems.Add(field + ".max_installments", $"tiers must be strictly ascending; got {tier.MaxInstallments} after {matrix.Tiers[i - 1].MaxInstallments}");
            }

            if (tier.PrincipalCapBp.Count != from.Count)
            {
                problems.Add(field + ".principal_cap_bp", $"must have exactly one cap per days-past-due bucket ({from.Count}); got {tier.PrincipalCapBp.Count}");
                continue;
            }

            for (var j = 0; j < tier.PrincipalCapBp.Count; j++)
            {
                var cap = tier.PrincipalCapBp[j];
                var capField = $"{field}.principal_cap_bp[{j}]";
                if (!problems.Range(capField, cap, FieldLimits.PrincipalCapBp))
                {
                    continue;
                }

                if (j > 0 && cap < tier.PrincipalCapBp[j - 1])
                {
                    problems.Add(capField, $"caps must not decrease as accounts age; got {cap} after {tier.PrincipalCapBp[j - 1]}");
                }

                var above = i > 0 ? matrix.Tiers[i - 1].PrincipalCapBp : null;
                if (above is not null && above.Count == from.Count && cap > above[j])
                {
                    problems.Add(capField, $"caps must not increase with the term; got {cap} below a tier with {above[j]}");
                }
            }
        }
    }

    private static void ValidateRates(Problems problems, V1.Policy policy, Func<string, string> p)
    {
        if (!problems.MaxCount(p("nominal_annual_rate"), policy.NominalAnnualRate.Count))
        {
            return;
        }

        for (var i = 0; i < policy.NominalAnnualRate.Count; i++)
        {
            var tier = policy.NominalAnnualRate[i];
            var field = p($"nominal_annual_rate[{i}]");
            problems.Range(field + ".up_to_months", tier.UpToMonths, FieldLimits.RateUpToMonths);
            if (i > 0 && tier.UpToMonths <= policy.NominalAnnualRate[i - 1].UpToMonths)
            {
                problems.Add(field + ".up_to_months", $"tiers must be strictly ascending; got {tier.UpToMonths} after {policy.NominalAnnualRate[i - 1].UpToMonths}");
            }

            problems.Range(field + ".nominal_annual_rate_bp", tier.NominalAnnualRateBp, FieldLimits.NominalAnnualRateBp);
        }

        if (policy.HasMaxEffectiveAnnualRateBp)
        {
            problems.Range(p("max_effective_annual_rate_bp"), policy.MaxEffectiveAnnualRateBp, FieldLimits.MaxEffectiveAnnualRateBp);
        }

        if (policy.HasCostOfCapitalBp)
        {
            problems.Range(p("cost_of_capital_bp"), policy.CostOfCapitalBp, FieldLimits.CostOfCapitalBp);
        }

        if (policy.HasAlternativeRecoveryBp)
        {
            problems.Range(p("alternative_recovery_bp"), policy.AlternativeRecoveryBp, FieldLimits.AlternativeRecoveryBp);
        }

        if (policy.HasDebtorDiscountRateBp)
        {
            problems.Range(p("debtor_discount_rate_bp"), policy.DebtorDiscountRateBp, FieldLimits.DebtorDiscountRateBp);
        }

        if (policy.HasMaxBurdenBp)
        {
            problems.Range(p("max_burden_bp"), policy.MaxBurdenBp, FieldLimits.MaxBurdenBp);
        }

        if (policy.HasCompanyWeightBp)
        {
            problems.Range(p("company_weight_bp"), policy.CompanyWeightBp, FieldLimits.CompanyWeightBp);
        }
    }

    private static void ValidateBehaviour(Problems problems, V1.BehaviourModel behaviour, string prefix)
    {
        if (!problems.MaxCount(prefix + "hazard", behaviour.Hazard.Count) | !problems.MaxCount(prefix + "reason_multipliers", behaviour.ReasonMultipliers.Count))
        {
            return;
        }

        for (var i = 0; i < behaviour.Hazard.Count; i++)
        {
            var bucket = behaviour.Hazard[i];
            var field = $"{prefix}hazard[{i}]";
            if (i == 0 && bucket.BurdenFromBp != 0)
            {
                problems.Add(field + ".burden_from_bp", $"the first bucket must start at 0; got {bucket.BurdenFromBp}");
            }
            else if (i > 0 && bucket.BurdenFromBp <= behaviour.Hazard[i - 1].BurdenFromBp)
            {
                problems.Add(field + ".burden_from_bp", $"buckets must be strictly ascending; got {bucket.BurdenFromBp} after {behaviour.Hazard[i - 1].BurdenFromBp}");
            }
            else
            {
                problems.Range(field + ".burden_from_bp", bucket.BurdenFromBp, FieldLimits.BurdenFromBp);
            }

            problems.Range(field + ".monthly_hazard", bucket.MonthlyHazard, FieldLimits.MonthlyHazard);
        }

        var seen = new HashSet<V1.Reason>();
        for (var i = 0; i < behaviour.ReasonMultipliers.Count; i++)
        {
            var item = behaviour.ReasonMultipliers[i];
            var field = $"{prefix}reason_multipliers[{i}]";
            if (problems.Enum(field + ".reason", item.Reason, ProtoEnums.Reason, allowUnspecified: false)
                && !seen.Add(item.Reason))
            {
                problems.Add(field + ".reason", $"{item.Reason} is listed twice");
            }

            problems.Range(field + ".multiplier", item.Multiplier, FieldLimits.ReasonMultiplier);
        }

        if (behaviour.HasGraceHazardMultiplier)
        {
            problems.Range(prefix + "grace_hazard_multiplier", behaviour.GraceHazardMultiplier, FieldLimits.GraceHazardMultiplier);
        }
    }
}
