namespace NegociacionOptimizer.Domain.Policies;

/// <summary>The nominal annual rate for plans up to a term.</summary>
/// <param name="UpToMonths">Longest term of the tier, months.</param>
/// <param name="NominalAnnualRateBp">TNA, bp.</param>
public sealed record RateTier(int UpToMonths, int NominalAnnualRateBp);
