using System.Collections.Frozen;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// A policy draft's payment-behaviour model before it is checked: the reason multipliers as the list they were given
/// in (a <see cref="BehaviourModel"/> keys them by reason, which would hide a repeated reason and the position of a
/// problem).
/// </summary>
/// <param name="Buckets">Base hazard by burden.</param>
/// <param name="ReasonMultipliers">Multiplier per reason, in the order given.</param>
/// <param name="GraceHazardMultiplier">m_g.</param>
public sealed record BehaviourDraft(IReadOnlyList<HazardBucket> Buckets, IReadOnlyList<ReasonMultiplier> ReasonMultipliers, double GraceHazardMultiplier)
{
    /// <summary>The draft of <paramref name="model"/>, its multipliers in the order of the reasons.</summary>
    public static BehaviourDraft Of(BehaviourModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(
            model.Buckets,
            [.. model.ReasonMultipliers.OrderBy(r => r.Key).Select(r => new ReasonMultiplier(r.Key, r.Value))],
            model.GraceHazardMultiplier);
    }

    /// <summary>The model of this draft (for a checked draft: reasons are distinct).</summary>
    internal BehaviourModel ToModel() =>
        new(Buckets, ReasonMultipliers.ToFrozenDictionary(r => r.Reason, r => r.Multiplier))
        {
            GraceHazardMultiplier = GraceHazardMultiplier,
        };
}
