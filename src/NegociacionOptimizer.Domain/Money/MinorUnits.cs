namespace NegociacionOptimizer.Domain.Money;

/// <summary>Integer helpers for amounts in minor units; every rule here is exact (no floating point).</summary>
public static class MinorUnits
{
    /// <summary>The smallest multiple of <paramref name="unit"/> that is ≥ <paramref name="amountMinor"/>.</summary>
    public static long CeilingToMultiple(long amountMinor, long unit) =>
        amountMinor <= 0 ? 0 : (amountMinor + unit - 1) / unit * unit;

    /// <summary>Rounds a valuation figure (minor units) half away from zero to a whole minor unit.</summary>
    public static long RoundValuation(double minor) =>
        (long)Math.Round(minor, MidpointRounding.AwayFromZero);
}
