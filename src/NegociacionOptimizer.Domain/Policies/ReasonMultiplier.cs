using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>One entry of a behaviour draft's reason multipliers, kept in the order given so a problem names its position.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Multiplier">Its hazard multiplier.</param>
public sealed record ReasonMultiplier(Reason Reason, double Multiplier);
