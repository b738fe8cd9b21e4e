using System.Collections.Frozen;

namespace NegociacionOptimizer.Domain.Money;

/// <summary>
/// An ISO-4217 currency and the number of its minor units (centavos) per major unit, as 10^<see cref="MinorDigits"/>.
/// Every amount in the domain is a <see cref="long"/> count of minor units of one currency.
/// </summary>
/// <param name="Code">Alphabetic code, e.g. "ARS".</param>
/// <param name="MinorDigits">ISO-4217 minor-unit exponent (2 for ARS, COP, MXN; 0 for CLP and PYG).</param>
/// <param name="Symbol">Symbol used in scripts, e.g. "$" or "€".</param>
public readonly record struct Currency(string Code, int MinorDigits, string Symbol)
{
    private static readonly FrozenDictionary<string, Currency> Known = new Currency[]
    {
        new("ARS", 2, "$"), new("BOB", 2, "Bs"), new("BRL", 2, "R$"), new("CLP", 0, "$"), new("COP", 2, "$"),
        new("CRC", 2, "₡"), new("DOP", 2, "RD$"), new("EUR", 2, "€"), new("GTQ", 2, "Q"), new("HNL", 2, "L"),
        new("MXN", 2, "$"), new("NIO", 2, "C$"), new("PAB", 2, "B/."), new("PEN", 2, "S/"), new("PYG", 0, "₲"),
        new("USD", 2, "US$"), new("UYU", 2, "$"),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Currencies the service accepts.</summary>
    public static IEnumerable<string> SupportedCodes => Known.Keys.Order(StringComparer.Ordinal);

    /// <summary>Minor units in one major unit (100 for a two-digit currency).</summary>
    public long MinorPerMajor => MinorDigits switch { 0 => 1, 1 => 10, 2 => 100, _ => 1000 };

    /// <summary>Looks up a supported ISO-4217 code (upper case).</summary>
    public static bool TryFromCode(string? code, out Currency currency) =>
        Known.TryGetValue(code ?? string.Empty, out currency);

    /// <summary>Looks up a supported ISO-4217 code; throws for an unknown one (validate at the boundary first).</summary>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var c) ? c : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <inheritdoc/>
    public override string ToString() => Code;
}
