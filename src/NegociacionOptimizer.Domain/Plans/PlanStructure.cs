using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>A plan's structure (f, n, g): what the amounts D and Q are chosen within.</summary>
/// <param name="Frequency">f.</param>
/// <param name="Installments">n, 0 for a settlement.</param>
/// <param name="GracePeriods">g.</param>
public readonly record struct PlanStructure(Frequency Frequency, int Installments, int GracePeriods)
{
    /// <summary>The settlement structure.</summary>
    public static PlanStructure Settlement { get; } = new(Frequency.Monthly, 0, 0);

    /// <summary>True for the settlement structure.</summary>
    public bool IsSettlement => Installments == 0;
}
