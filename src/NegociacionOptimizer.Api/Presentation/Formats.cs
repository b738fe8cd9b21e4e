using System.Globalization;
using System.Text;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>Money, rates, dates and counts as a person reads them, in es-AR or en conventions.</summary>
public static class Formats
{
    private static readonly string[] SpanishMonths =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>
    /// An amount in minor units in the local convention, decimals only when not zero:
    /// es-AR "$ 1.234.567,5" style ("$ 45.000", "$ 45.000,50"); en "$45,000", "$45,000.50".
    /// </summary>
    public static string Money(long minor, Currency currency, Language language)
    {
        var (thousands, decimals) = language == Language.English ? (',', '.') : ('.', ',');
        var magnitude = (ulong)Int128.Abs(minor);
        var perMajor = (ulong)currency.MinorPerMajor;
        var text = new StringBuilder();
        if (minor < 0)
        {
            text.Append('-');
        }

        text.Append(currency.Symbol);
        if (language == Language.Spanish || char.IsLetter(currency.Symbol[^1]))
        {
            text.Append(' ');
        }

        text.Append(Group((magnitude / perMajor).ToString(CultureInfo.InvariantCulture), thousands));
        var fraction = magnitude % perMajor;
        if (fraction != 0)
        {
            text.Append(decimals).Append(fraction.ToString(new string('0', currency.MinorDigits), CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Basis points as a percentage: es-AR "25,52 %", en "25.52%".</summary>
    public static string Percent(long basisPoints, Language language)
    {
        var text = (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture);
        return language == Language.English ? text + "%" : text.Replace('.', ',') + " %";
    }

    /// <summary>A date spelled out: "5 de diciembre" / "December 5"; the year is added when it differs from <paramref name="reference"/>'s.</summary>
    public static string Date(DateOnly date, DateOnly reference, Language language)
    {
        var withYear = date.Year != reference.Year;
        if (language == Language.English)
        {
            var text = date.ToString("MMMM d", CultureInfo.InvariantCulture);
            return withYear ? $"{text}, {date.Year}" : text;
        }

        var es = $"{date.Day} de {SpanishMonths[date.Month - 1]}";
        return withYear ? $"{es} de {date.Year}" : es;
    }

    /// <summary>"mensual(es)" / "monthly" for a frequency.</summary>
    public static string FrequencyAdjective(Frequency frequency, Language language, bool plural) => (frequency, language) switch
    {
        (Frequency.Weekly, Language.English) => "weekly",
        (Frequency.Biweekly, Language.English) => "biweekly",
        (_, Language.English) => "monthly",
        (Frequency.Weekly, _) => plural ? "semanales" : "semanal",
        (Frequency.Biweekly, _) => plural ? "quincenales" : "quincenal",
        _ => plural ? "mensuales" : "mensual",
    };

    /// <summary>A figure in its unit: money, percentage, installments or periods.</summary>
    public static string Figure(long value, FigureUnit unit, Currency currency, Language language) => (unit, language) switch
    {
        (FigureUnit.Minor, _) => Money(value, currency, language),
        (FigureUnit.BasisPoints, _) => Percent(value, language),
        (FigureUnit.Installments, Language.English) => value == 1 ? "1 installment" : $"{value} installments",
        (FigureUnit.Installments, _) => value == 1 ? "1 cuota" : $"{value} cuotas",
        (FigureUnit.Periods, Language.English) => value == 1 ? "1 period" : $"{value} periods",
        _ => value == 1 ? "1 período" : $"{value} períodos",
    };

    private static string Group(string digits, char separator)
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
