using System.Numerics;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Limits;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// Every rule a policy's values must meet, each range read from <see cref="FieldLimits"/>: the one place a policy is
/// judged, for <see cref="Policy.TryCreate"/> and through it for the boundary, the policy files and the analyst.
/// </summary>
internal sealed class PolicyRules
{
    private readonly List<PolicyViolation> _found = [];

    private PolicyRules()
    {
    }

    /// <summary>Every problem of <paramref name="draft"/>, in the order of policy.proto; empty when it is a valid policy.</summary>
    public static IReadOnlyList<PolicyViolation> Check(PolicyDraft draft)
    {
        var rules = new PolicyRules();
        rules.Range(draft.Version, FieldLimits.Version);
        rules.Record("description", FieldLimits.TextLengthViolation(draft.Description, FieldLimits.MaxDescriptionLength));
        if (!BusinessCalendars.SupportedCountries.Contains(draft.Country, StringComparer.Ordinal))
        {
            rules.Add("country", $"must be one of {string.Join(", ", BusinessCalendars.SupportedCountries)}; got \"{draft.Country}\"");
        }

        rules.Terms(draft);
        rules.Discounts(draft);
        rules.Rates(draft);
        rules.Behaviour(draft.Behaviour);
        rules.Range(draft.OfferCount, FieldLimits.OfferCount);
        rules.Range(draft.OfferValidityDays, FieldLimits.OfferValidityDays);
        rules.Range(draft.SolveTimeLimitMs, FieldLimits.SolveTimeLimitMs);
        if (draft.Challenger is { } challenger)
        {
            rules.Range("challenger.share_bp", challenger.ShareBp, FieldLimits.ChallengerShareBp);
        }

        return rules._found;
    }

    private void Terms(PolicyDraft draft)
    {
        Range(draft.MaxTermMonths, FieldLimits.MaxTermMonths);
        var frequencies = draft.AllowedFrequencies;
        if (frequencies.Count == 0)
        {
            Add("allowed_frequencies", "must list at least one frequency");
        }

        Record("allowed_frequencies", FieldLimits.ListLengthViolation(frequencies.Count));
        var seen = new HashSet<Frequency>();
        for (var i = 0; i < Math.Min(frequencies.Count, FieldLimits.MaxListLength); i++)
        {
            var f = frequencies[i];
            if (!Enum.IsDefined(f))
            {
                Add($"allowed_frequencies[{i}]", $"{(int)f} is not a frequency");
            }
            else if (!seen.Add(f))
            {
                Add($"allowed_frequencies[{i}]", $"{f} is listed twice");
            }
        }

        Range(draft.MaxGracePeriods, FieldLimits.MaxGracePeriods);
        Range(draft.MinInstallmentMinor, FieldLimits.MinInstallmentMinor);
        Range(draft.RoundingUnitMinor, FieldLimits.RoundingUnitMinor);
        Range(draft.AmountStepMinor, FieldLimits.AmountStepMinor);
        Range(draft.MinDownPaymentBp, FieldLimits.MinDownPaymentBp);
    }

    private void Discounts(PolicyDraft draft)
    {
        Range(draft.MaxDiscountFeesBp, FieldLimits.MaxDiscountFeesBp);
        Range(draft.MaxDiscountInterestBp, FieldLimits.MaxDiscountInterestBp);

        var matrix = draft.PrincipalDiscount;
        var from = matrix.DaysPastDueFrom;
        if (from.Count == 0)
        {
            Add("principal_discount.days_past_due_from", "must list at least one bucket, the first 0");
        }

        if (matrix.Tiers.Count == 0)
        {
            Add("principal_discount.tiers", "must list at least one tier (a matrix with no tier allows no principal discount; leave principal_discount out for the default)");
        }

        if (!Record("principal_discount.days_past_due_from", FieldLimits.ListLengthViolation(from.Count))
            | !Record("principal_discount.tiers", FieldLimits.ListLengthViolation(matrix.Tiers.Count)))
        {
            return;
        }

        for (var j = 0; j < from.Count; j++)
        {
            var field = $"principal_discount.days_past_due_from[{j}]";
            if (j == 0 && from[0] != 0)
            {
                Add(field, $"the first bucket must start at 0; got {from[0]}");
            }
            else if (j > 0 && from[j] <= from[j - 1])
            {
                Add(field, $"buckets must be strictly ascending; got {from[j]} after {from[j - 1]}");
            }
            else
            {
                Range(field, from[j], FieldLimits.DaysPastDueFrom);
            }
        }

        for (var i = 0; i < matrix.Tiers.Count; i++)
        {
            Tier(matrix, i);
        }
    }

    private void Tier(PrincipalDiscountMatrix matrix, int i)
    {
        var from = matrix.DaysPastDueFrom;
        var tier = matrix.Tiers[i];
        var field = $"principal_discount.tiers[{i}]";
        Range(field + ".max_installments", tier.MaxInstallments, FieldLimits.TierMaxInstallments);
        if (i > 0 && tier.MaxInstallments <= matrix.Tiers[i - 1].MaxInstallments)
        {
            Add(field + ".max_installments", $"tiers must be strictly ascending; got {tier.MaxInstallments} after {matrix.Tiers[i - 1].MaxInstallments}");
        }

        if (tier.PrincipalCapBp.Count != from.Count)
        {
            Add(field + ".principal_cap_bp", $"must have exactly one cap per days-past-due bucket ({from.Count}); got {tier.PrincipalCapBp.Count}");
            return;
        }

        var above = i > 0 ? matrix.Tiers[i - 1].PrincipalCapBp : null;
        for (var j = 0; j < tier.PrincipalCapBp.Count; j++)
        {
            var cap = tier.PrincipalCapBp[j];
            var capField = $"{field}.principal_cap_bp[{j}]";
            if (!Range(capField, cap, FieldLimits.PrincipalCapBp))
            {
                continue;
            }

            if (j > 0 && cap < tier.PrincipalCapBp[j - 1])
            {
                Add(capField, $"caps must not decrease as accounts age; got {cap} after {tier.PrincipalCapBp[j - 1]}");
            }

            if (above is not null && above.Count == from.Count && cap > above[j])
            {
                Add(capField, $"caps must not increase with the term; got {cap} below a tier with {above[j]}");
            }
        }
    }

    private void Rates(PolicyDraft draft)
    {
        var tiers = draft.NominalAnnualRate;
        if (Record("nominal_annual_rate", FieldLimits.ListLengthViolation(tiers.Count)))
        {
            for (var i = 0; i < tiers.Count; i++)
            {
                var field = $"nominal_annual_rate[{i}]";
                Range(field + ".up_to_months", tiers[i].UpToMonths, FieldLimits.RateUpToMonths);
                if (i > 0 && tiers[i].UpToMonths <= tiers[i - 1].UpToMonths)
                {
                    Add(field + ".up_to_months", $"tiers must be strictly ascending; got {tiers[i].UpToMonths} after {tiers[i - 1].UpToMonths}");
                }

                Range(field + ".nominal_annual_rate_bp", tiers[i].NominalAnnualRateBp, FieldLimits.NominalAnnualRateBp);
            }
        }

        Range(draft.MaxEffectiveAnnualRateBp, FieldLimits.MaxEffectiveAnnualRateBp);
        Range(draft.CostOfCapitalBp, FieldLimits.CostOfCapitalBp);
        Range(draft.AlternativeRecoveryBp, FieldLimits.AlternativeRecoveryBp);
        Range(draft.DebtorDiscountRateBp, FieldLimits.DebtorDiscountRateBp);
        Range(draft.MaxBurdenBp, FieldLimits.MaxBurdenBp);
        Range(draft.CompanyWeightBp, FieldLimits.CompanyWeightBp);
    }

    private void Behaviour(BehaviourDraft behaviour)
    {
        const string Prefix = "behaviour.";
        if (!Record(Prefix + "hazard", FieldLimits.ListLengthViolation(behaviour.Buckets.Count))
            | !Record(Prefix + "reason_multipliers", FieldLimits.ListLengthViolation(behaviour.ReasonMultipliers.Count)))
        {
            return;
        }

        var buckets = behaviour.Buckets;
        if (buckets.Count == 0)
        {
            Add(Prefix + "hazard", "must list at least one bucket, the first from 0");
        }

        for (var i = 0; i < buckets.Count; i++)
        {
            var field = $"{Prefix}hazard[{i}]";
            if (i == 0 && buckets[i].BurdenFromBp != 0)
            {
                Add(field + ".burden_from_bp", $"the first bucket must start at 0; got {buckets[i].BurdenFromBp}");
            }
            else if (i > 0 && buckets[i].BurdenFromBp <= buckets[i - 1].BurdenFromBp)
            {
                Add(field + ".burden_from_bp", $"buckets must be strictly ascending; got {buckets[i].BurdenFromBp} after {buckets[i - 1].BurdenFromBp}");
            }
            else
            {
                Range(field + ".burden_from_bp", buckets[i].BurdenFromBp, FieldLimits.BurdenFromBp);
            }

            Range(field + ".monthly_hazard", buckets[i].MonthlyHazard, FieldLimits.MonthlyHazard);
        }

        var seen = new HashSet<Reason>();
        for (var i = 0; i < behaviour.ReasonMultipliers.Count; i++)
        {
            var item = behaviour.ReasonMultipliers[i];
            var field = $"{Prefix}reason_multipliers[{i}]";
            if (!Enum.IsDefined(item.Reason))
            {
                Add(field + ".reason", $"{(int)item.Reason} is not a reason");
            }
            else if (!seen.Add(item.Reason))
            {
                Add(field + ".reason", $"{item.Reason} is listed twice");
            }

            Range(field + ".multiplier", item.Multiplier, FieldLimits.ReasonMultiplier);
        }

        Range(Prefix + "grace_hazard_multiplier", behaviour.GraceHazardMultiplier, FieldLimits.GraceHazardMultiplier);
    }

    private void Add(string field, string description) => _found.Add(new PolicyViolation(field, description));

    private bool Range<T>(string field, T value, FieldLimit<T> limit)
        where T : struct, INumber<T> =>
        Record(field, limit.Violation(value));

    /// <summary>A top-level policy field: its path is the row's own field name.</summary>
    private bool Range<T>(T value, FieldLimit<T> limit)
        where T : struct, INumber<T> =>
        Range(limit.Field, value, limit);

    private bool Record(string field, string? violation)
    {
        if (violation is null)
        {
            return true;
        }

        Add(field, violation);
        return false;
    }
}
