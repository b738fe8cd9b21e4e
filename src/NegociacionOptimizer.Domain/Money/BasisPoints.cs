namespace NegociacionOptimizer.Domain.Money;

/// <summary>
/// A share or an annual rate in basis points (1 bp = 0.01 %, <see cref="Whole"/> = 100 %); never negative. Shares of
/// money are exact integers (<see cref="ShareFloor"/>); the fraction is for valuation math only.
/// </summary>
public readonly record struct BasisPoints
{
    /// <summary>The whole: 100 %.</summary>
    public const int Whole = 10_000;

    /// <summary>A share or rate of <paramref name="value"/> bp.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public BasisPoints(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
    }

    /// <summary>The number of basis points.</summary>
    public int Value { get; }

    /// <summary>The share as a fraction of the whole (10,000 bp = 1.0), for valuation math.</summary>
    public double Fraction => Value / (double)Whole;

    /// <summary>⌊amount · bp / 10000⌋: this share of an amount in minor units, exact.</summary>
    public long ShareFloor(long amountMinor) => (long)((Int128)amountMinor * Value / Whole);

    /// <summary>part / total in basis points, rounded half up; 0 when total is 0.</summary>
    public static BasisPoints ShareOf(long partMinor, long totalMinor) =>
        new(totalMinor <= 0 ? 0 : (int)(((Int128)partMinor * 2 * Whole + totalMinor) / (2 * (Int128)totalMinor)));

    /// <inheritdoc/>
    public override string ToString() => $"{Value} bp";
}
