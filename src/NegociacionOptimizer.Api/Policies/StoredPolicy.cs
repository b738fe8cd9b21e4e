using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Api.Policies;

/// <summary>A named policy and where it came from.</summary>
/// <param name="Policy">The complete policy.</param>
/// <param name="Source">"built-in" or the file name.</param>
public sealed record StoredPolicy(Policy Policy, string Source);
