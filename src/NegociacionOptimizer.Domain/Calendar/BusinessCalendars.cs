using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Public-holiday business calendars by country, computed by rule (fixed dates, Easter-based feasts
/// and each country's moving rules, each rule with its legal source and years: <see cref="Rules"/>) for
/// <see cref="MinYear"/>–<see cref="MaxYear"/>. An operator's dated overrides apply through <see cref="CalendarSet"/>. Calendars are
/// shared singletons: immutable, thread-safe, with holidays cached per year. See docs/CALENDARS.md
/// for sources and known simplifications.
/// </summary>
public static class BusinessCalendars
{
    /// <summary>First year a calendar accepts.</summary>
    public const int MinYear = 2000;

    /// <summary>Last year a calendar accepts; the next business day after its end may fall in the following January.</summary>
    public const int MaxYear = 2100;

    private static readonly FrozenDictionary<string, RuleBasedCalendar> ByCountry = new RuleBasedCalendar[]
    {
        new("AR", ArgentinaHolidays.Rules),
        new("CL", ChileHolidays.Rules),
        new("CO", ColombiaHolidays.Rules),
        new("ES", SpainHolidays.Rules),
        new("MX", MexicoHolidays.Rules),
        new("PE", PeruHolidays.Rules),
        new("US", UnitedStatesHolidays.Rules),
    }.ToFrozenDictionary(c => c.Country, StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO-3166 alpha-2 codes of the supported countries, in alphabetical order.</summary>
    public static IReadOnlyList<string> SupportedCountries { get; } = [.. ByCountry.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds the calendar of <paramref name="country"/> (ISO-3166 alpha-2, case-insensitive).</summary>
    /// <returns>False when the country is not supported.</returns>
    public static bool TryGet(string country, [MaybeNullWhen(false)] out IBusinessCalendar calendar)
    {
        if (country is null)
        {
            calendar = null;
            return false;
        }

        var found = ByCountry.TryGetValue(country, out var ruleBased);
        calendar = ruleBased;
        return found;
    }

    /// <summary>The holiday rules of <paramref name="country"/>, each with its legal source and years.</summary>
    /// <exception cref="ArgumentException">The country is not supported.</exception>
    public static IReadOnlyList<HolidayRule> Rules(string country) => RuleBased(country).Rules;

    /// <summary>The built-in calendar of a supported country, as its concrete type (for overrides).</summary>
    internal static RuleBasedCalendar RuleBased(string country) =>
        ByCountry.TryGetValue(country, out var calendar)
            ? calendar
            : throw new ArgumentException(
                $"No business calendar for country '{country}'. Supported: {string.Join(", ", SupportedCountries)}.",
                nameof(country));

    /// <summary>The calendar of <paramref name="country"/> (ISO-3166 alpha-2, case-insensitive).</summary>
    /// <exception cref="ArgumentException">The country is not supported.</exception>
    public static IBusinessCalendar Get(string country) => RuleBased(country ?? string.Empty);
}
