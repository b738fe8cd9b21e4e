namespace NegociacionOptimizer.Domain.Policies;

/// <summary>One reason a <see cref="PolicyDraft"/> is not a valid <see cref="Policy"/>.</summary>
/// <param name="Field">Path in proto field names from the policy, e.g. "principal_discount.tiers[1].principal_cap_bp[0]".</param>
/// <param name="Description">What is wrong and what is allowed, as the boundary reports it.</param>
public sealed record PolicyViolation(string Field, string Description);
