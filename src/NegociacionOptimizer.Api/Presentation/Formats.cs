using System.Globalization;
using System.Text;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>Money, rates, dates and counts as a person reads them, in the conventions of the language's table.</summary>
public static class Formats
{
    /// <summary>
    /// An amount in minor units in the local convention, decimals only when not zero:
    /// es-AR "$ 1.234.567,5" style ("$ 45.000", "$ 45.000,50"); en "$45,000", "$45,000.50".
    /// </summary>
    public static string Money(Amount money, Language language)
    {
        var (minor, currency) = money;
        var magnitude = (ulong)Int128.Abs(minor);
        var perMajor = (ulong)currency.MinorPerMajor;
        var amount = new StringBuilder(Group((magnitude / perMajor).ToString(CultureInfo.InvariantCulture), language.Text("Number.GroupSeparator")));
        var fraction = magnitude % perMajor;
        if (fraction != 0)
        {
            amount.Append(language.Text("Number.DecimalSeparator")).Append(fraction.ToString(new string('0', currency.MinorDigits), CultureInfo.InvariantCulture));
        }

        var pattern = char.IsLetter(currency.Symbol[^1]) ? "Money.LetterSymbol" : "Money";
        var text = language.Text(pattern, ("symbol", currency.Symbol), ("amount", amount.ToString()));
        return minor < 0 ? "-" + text : text;
    }

    /// <summary>Basis points as a percentage: es-AR "25,52 %", en "25.52%".</summary>
    public static string Percent(long basisPoints, Language language)
    {
        var value = (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture).Replace(".", language.Text("Number.DecimalSeparator"), StringComparison.Ordinal);
        return language.Text("Percent", ("value", value));
    }

    /// <summary>A date spelled out: "5 de diciembre" / "December 5"; the year is added when it differs from <paramref name="reference"/>'s.</summary>
    public static string Date(DateOnly date, DateOnly reference, Language language) =>
        language.Text(
            date.Year == reference.Year ? "Date" : "Date.WithYear",
            ("day", date.Day), ("month", language.Text($"Month.{date.Month}")), ("year", date.Year));

    /// <summary>"mensual(es)" / "monthly" for a frequency (monthly for a value that is none).</summary>
    public static string FrequencyAdjective(Frequency frequency, Language language, bool plural) =>
        language.Plural($"Frequency.{(Enum.IsDefined(frequency) ? frequency : Frequency.Monthly)}", plural ? 2 : 1);

    /// <summary>A figure in its unit: money, percentage, installments or periods.</summary>
    public static string Figure(long value, FigureUnit unit, Currency currency, Language language) => unit switch
    {
        FigureUnit.Minor => Money(new(value, currency), language),
        FigureUnit.BasisPoints => Percent(value, language),
        FigureUnit.Installments => language.Plural("Figure.Installments", value, ("n", value)),
        _ => language.Plural("Figure.Periods", value, ("n", value)),
    };

    private static string Group(string digits, string separator)
    {
        var text = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                text.Append(separator);
            }

            text.Append(digits[i]);
        }

        return text.ToString();
    }
}
