namespace NegociacionOptimizer.Domain.Policies;

/// <summary>A policy draft's challenger before it is checked.</summary>
/// <param name="PolicyId">The challenger's policy id; empty means no challenger.</param>
/// <param name="ShareBp">Share of accounts it receives, bp.</param>
public sealed record ChallengerDraft(string PolicyId, int ShareBp);
