namespace NegociacionOptimizer.Domain.Plans;

/// <summary>The discount Q split over fees, then interest, then principal (SPEC §2).</summary>
/// <param name="FeesMinor">Discount on fees, minor units.</param>
/// <param name="InterestMinor">Discount on interest, minor units.</param>
/// <param name="PrincipalMinor">Discount on principal, minor units.</param>
public readonly record struct DiscountSplit(long FeesMinor, long InterestMinor, long PrincipalMinor)
{
    /// <summary>Q, minor units.</summary>
    public long TotalMinor => FeesMinor + InterestMinor + PrincipalMinor;
}
