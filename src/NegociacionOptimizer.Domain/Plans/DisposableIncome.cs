using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// I, the disposable income a month, as an exact fraction of minor units (SPEC §2): <see cref="Amount"/> · 10,000 /
/// <see cref="DivisorBp"/>. Income-based, it is whole minor units (divisor 10,000); with only a stated capacity it is
/// stated / max_burden, never rounded, so a plan that uses exactly the stated capacity has burden exactly max_burden and
/// falls in the bucket that starts there.
/// </summary>
public readonly record struct DisposableIncome
{
    private DisposableIncome(long amount, int divisorBp)
    {
        Amount = amount;
        DivisorBp = divisorBp;
    }

    /// <summary>Numerator, minor units (≥ 0).</summary>
    public long Amount { get; }

    /// <summary>Denominator in basis points (10,000 for an income-based I; max_burden for a stated one).</summary>
    public int DivisorBp { get; }

    /// <summary>True when I = 0 (no capacity at all).</summary>
    public bool IsZero => Amount == 0;

    /// <summary>I = income − expenses − other debt payments, 0 when not positive.</summary>
    public static DisposableIncome FromIncome(long disposableMinor) => new(Math.Max(0, disposableMinor), BasisPoints.Whole);

    /// <summary>I = stated capacity / max_burden.</summary>
    public static DisposableIncome FromStatedCapacity(long statedMinor, int maxBurdenBp) => new(statedMinor, maxBurdenBp);

    /// <summary>⌈I⌉, minor units: what an answer shows as the person's disposable income.</summary>
    public long CeilingMinor => (long)((((Int128)Amount * BasisPoints.Whole) + DivisorBp - 1) / DivisorBp);

    /// <summary>⌊I · <paramref name="shareBp"/>⌋, minor units (e.g. max_burden · I).</summary>
    public long ShareFloor(int shareBp) => (long)((Int128)Amount * shareBp / DivisorBp);

    /// <summary>
    /// Whether a yearly amount <paramref name="yearlyMinor"/> (A·p) reaches a monthly burden of <paramref name="burdenBp"/>
    /// of I: A·p / 12 ≥ burden · I, compared in integers.
    /// </summary>
    public bool Reaches(Int128 yearlyMinor, int burdenBp) => yearlyMinor * DivisorBp >= (Int128)burdenBp * 12 * Amount;

    /// <summary>The smallest k with k·<paramref name="unitsPerYear"/> reaching a burden of <paramref name="burdenBp"/>: ⌈burden·12·I / unitsPerYear⌉.</summary>
    public long FirstUnitsReaching(int burdenBp, Int128 unitsPerYear)
    {
        var numerator = (Int128)burdenBp * 12 * Amount;
        var denominator = unitsPerYear * DivisorBp;
        return (long)((numerator + denominator - 1) / denominator);
    }

    /// <summary>Burden of a monthly amount: <paramref name="monthlyMinor"/> / I (+∞ when I = 0).</summary>
    public double BurdenOf(double monthlyMinor) =>
        Amount > 0 ? monthlyMinor * DivisorBp / (Amount * (double)BasisPoints.Whole) : double.PositiveInfinity;

    /// <summary>⌈<paramref name="monthlyMinor"/> / I⌉ in basis points, exact (0 when I = 0).</summary>
    public long BurdenCeilingBp(long monthlyMinor) =>
        Amount > 0 ? (long)((((Int128)monthlyMinor * DivisorBp) + Amount - 1) / Amount) : 0;
}
