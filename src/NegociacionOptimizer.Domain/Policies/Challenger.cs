using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>A challenger policy and its share of accounts.</summary>
/// <param name="PolicyId">The challenger's policy id.</param>
/// <param name="ShareBp">Share of accounts, bp, by a stable hash of the account id.</param>
public sealed record Challenger(string PolicyId, int ShareBp);
