using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Public-holiday business calendars by country, computed by rule (fixed dates, Easter-based feasts
/// and each country's moving rules) for <see cref="MinYear"/>–<see cref="MaxYear"/>. Calendars are
/// shared singletons: immutable, thread-safe, with holidays cached per year. See docs/CALENDARS.md
/// for sources and known simplifications.
/// </summary>
public static class BusinessCalendars
{
    /// <summary>First year a calendar accepts.</summary>
    public const int MinYear = 2000;

    /// <summary>Last year a calendar accepts; the next business day after its end may fall in the following January.</summary>
    public const int MaxYear = 2100;

    private static readonly FrozenDictionary<string, IBusinessCalendar> ByCountry = new RuleBasedCalendar[]
    {
        new("AR", ArgentinaHolidays.For),
        new("CL", ChileHolidays.For),
        new("CO", ColombiaHolidays.For),
        new("ES", SpainHolidays.For),
        new("MX", MexicoHolidays.For),
        new("PE", PeruHolidays.For),
        new("US", UnitedStatesHolidays.For),
    }.ToFrozenDictionary(c => c.Country, IBusinessCalendar (c) => c, StringComparer.OrdinalIgnoreCase);

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

        return ByCountry.TryGetValue(country, out calendar);
    }

    /// <summary>The calendar of <paramref name="country"/> (ISO-3166 alpha-2, case-insensitive).</summary>
    /// <exception cref="ArgumentException">The country is not supported.</exception>
    public static IBusinessCalendar Get(string country) =>
        TryGet(country, out var calendar)
            ? calendar
            : throw new ArgumentException(
                $"No business calendar for country '{country}'. Supported: {string.Join(", ", SupportedCountries)}.",
                nameof(country));
}
