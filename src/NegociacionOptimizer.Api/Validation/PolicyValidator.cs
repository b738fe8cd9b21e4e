using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;
using D = NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>
/// Checks a <see cref="V1.Policy"/> message: what only the wire can get wrong (an id, a version and a currency a document
/// must name, enum numbers, a challenger id) here; every other rule by the domain's own <see cref="D.Policy.TryCreate"/>
/// on the message's draft, so a policy is judged in one place, its ranges read from <see cref="FieldLimits"/>.
/// </summary>
public static class PolicyValidator
{
    /// <summary>
    /// Adds every problem of <paramref name="policy"/> to <paramref name="problems"/>, field paths starting with
    /// <paramref name="prefix"/> (e.g. "policy." inline, "" for a policy document). A named policy document
    /// (<paramref name="inline"/> false) needs an id, a version and a currency; an inline one may leave them out.
    /// A field gets one problem: when the wire check already named it, the domain's verdict on it is left out.
    /// </summary>
    public static void Validate(Problems problems, V1.Policy policy, string prefix, bool inline)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(policy);
        var before = problems.Items.Count;
        string P(string field) => prefix + field;

        if (!inline)
        {
            if (!PolicyIds.IsWellFormed(policy.Id))
            {
                problems.Add(P("id"), PolicyIds.Rule);
            }

            if (policy.Version == 0)
            {
                problems.Range(P("version"), policy.Version, FieldLimits.Version);
            }
        }

        if ((policy.Currency.Length > 0 || !inline) && !Currency.TryFromCode(policy.Currency, out _))
        {
            problems.Add(P("currency"), $"must be a supported ISO-4217 code ({string.Join(", ", Currency.SupportedCodes)}); got \"{policy.Currency}\"");
        }

        for (var i = 0; i < Math.Min(policy.AllowedFrequencies.Count, FieldLimits.MaxListLength); i++)
        {
            problems.Enum(P($"allowed_frequencies[{i}]"), policy.AllowedFrequencies[i], ProtoEnums.Frequency, allowUnspecified: false);
        }

        if (policy.Behaviour is { } behaviour
            && behaviour.Hazard.Count <= FieldLimits.MaxListLength && behaviour.ReasonMultipliers.Count <= FieldLimits.MaxListLength)
        {
            for (var i = 0; i < behaviour.ReasonMultipliers.Count; i++)
            {
                problems.Enum(P($"behaviour.reason_multipliers[{i}].reason"), behaviour.ReasonMultipliers[i].Reason, ProtoEnums.Reason, allowUnspecified: false);
            }
        }

        if (policy.Challenger is { PolicyId.Length: > 0 } challenger && !PolicyIds.IsWellFormed(challenger.PolicyId))
        {
            problems.Add(P("challenger.policy_id"), PolicyIds.Rule);
        }

        // Any currency gives the same verdict: only the defaults of the money grids depend on it, and they are valid for all.
        var named = problems.Items.Skip(before).Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        D.Policy.TryCreate(ToDomain.PolicyDraft(policy, PolicyDefaults.BuiltIn.Currency), out _, out var violations);
        foreach (var violation in violations.Where(v => !named.Contains(P(v.Field))))
        {
            problems.Add(P(violation.Field), violation.Description);
        }
    }
}
