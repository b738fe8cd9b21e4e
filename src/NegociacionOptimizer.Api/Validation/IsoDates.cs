using System.Globalization;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>ISO-8601 calendar dates ("YYYY-MM-DD") as the API carries them.</summary>
public static class IsoDates
{
    /// <summary>Earliest valuation date accepted.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Latest valuation date accepted.</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>Parses a strict "YYYY-MM-DD" date.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Formats a date as "YYYY-MM-DD".</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Records a problem unless <paramref name="text"/> is a valid date between 2000-01-01 and 2100-12-31.</summary>
    public static bool Check(Problems problems, string field, string text, out DateOnly date)
    {
        if (!TryParse(text, out date))
        {
            problems.Add(field, $"must be an ISO date YYYY-MM-DD between {Format(Earliest)} and {Format(Latest)}; got \"{text}\"");
            return false;
        }

        if (date < Earliest || date > Latest)
        {
            problems.Add(field, $"must be between {Format(Earliest)} and {Format(Latest)}; got {text}");
            return false;
        }

        return true;
    }
}
