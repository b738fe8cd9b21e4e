namespace NegociacionOptimizer.Ledger.Records;

/// <summary>A lifecycle call's outcome: the plan as it now stands, or why nothing was recorded.</summary>
/// <param name="Plan">The plan (null when refused).</param>
/// <param name="Refusal">None when recorded.</param>
/// <param name="Replayed">True when the key had been used for this same call: nothing new was recorded.</param>
public sealed record LedgerAnswer(PlanRecord? Plan, LedgerRefusal Refusal, bool Replayed = false);
