namespace NegociacionOptimizer.Domain.Money;

/// <summary>Integer helpers for amounts in minor units; every rule here is exact (no floating point).</summary>
public static class MinorUnits
{
    /// <summary>⌊amount · bp / 10000⌋: a share, in basis points, of an amount in minor units.</summary>
    public static long ShareFloor(long amountMinor, int basisPoints) =>
        (long)((Int128)amountMinor * basisPoints / 10_000);

    /// <summary>The smallest multiple of <paramref name="unit"/> that is ≥ <paramref name="amountMinor"/>.</summary>
    public static long CeilingToMultiple(long amountMinor, long unit) =>
        amountMinor <= 0 ? 0 : (amountMinor + unit - 1) / unit * unit;

    /// <summary>Rounds a valuation figure (minor units) half away from zero to a whole minor unit.</summary>
    public static long RoundValuation(double minor) =>
        (long)Math.Round(minor, MidpointRounding.AwayFromZero);

    /// <summary>q / total in basis points, rounded half up; 0 when total is 0.</summary>
    public static int ShareOfBp(long partMinor, long totalMinor) =>
        totalMinor <= 0 ? 0 : (int)(((Int128)partMinor * 20_000 + totalMinor) / (2 * (Int128)totalMinor));
}
