namespace NegociacionOptimizer.Domain.Policies;

/// <summary>One burden bucket of the base hazard table.</summary>
/// <param name="BurdenFromBp">Lower bound of the bucket, bp of disposable income.</param>
/// <param name="MonthlyHazard">Monthly probability of breaking the plan, 0..0.95.</param>
public sealed record HazardBucket(int BurdenFromBp, double MonthlyHazard);
