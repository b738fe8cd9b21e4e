namespace NegociacionOptimizer.Domain.Policies;

/// <summary>One row of the principal-discount matrix.</summary>
/// <param name="MaxInstallments">Longest plan in the tier (0 = single-payment settlement).</param>
/// <param name="PrincipalCapBp">Cap per days-past-due bucket, bp.</param>
public sealed record DiscountTier(int MaxInstallments, IReadOnlyList<int> PrincipalCapBp);
