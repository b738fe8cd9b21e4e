namespace NegociacionOptimizer.Domain.Offers;

/// <summary>The proposed installment is below the installment the plan needs.</summary>
/// <param name="ProposedMinor">The installment proposed, minor units.</param>
/// <param name="NeededMinor">The plan's installment, minor units.</param>
public sealed record InstallmentShortfall(long ProposedMinor, long NeededMinor);
