using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>A challenger policy and its share of accounts.</summary>
/// <param name="PolicyId">The challenger's policy id.</param>
/// <param name="Share">Share of accounts, by a stable hash of the account id.</param>
public sealed record Challenger(string PolicyId, BasisPoints Share)
{
    /// <summary>Share of accounts, within its <see cref="FieldLimits.ChallengerShareBp"/> row.</summary>
    public BasisPoints Share { get; init => field = new(FieldLimits.ChallengerShareBp.Checked(value.Value)); } = new(FieldLimits.ChallengerShareBp.Checked(Share.Value));
}
