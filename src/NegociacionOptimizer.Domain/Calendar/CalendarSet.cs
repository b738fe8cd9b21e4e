using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// The calendars of every supported country with one consistent set of operator overrides applied (immutable; a
/// country without overrides shares the built-in calendar). Build one with <see cref="Create"/>, which checks the
/// overrides first.
/// </summary>
public sealed class CalendarSet : ICalendarSource
{
    private readonly FrozenDictionary<string, IBusinessCalendar> _byCountry;

    private CalendarSet(IReadOnlyList<CalendarOverride> overrides)
    {
        Overrides = overrides;
        _byCountry = BusinessCalendars.SupportedCountries.ToFrozenDictionary(
            country => country,
            country =>
            {
                var mine = overrides.Where(o => string.Equals(o.Country, country, StringComparison.OrdinalIgnoreCase)).ToList();
                var builtIn = BusinessCalendars.RuleBased(country);
                return mine.Count == 0
                    ? (IBusinessCalendar)builtIn
                    : builtIn.With(
                        mine.Where(o => o.Action == CalendarOverrideAction.Add).Select(o => o.Date).ToFrozenSet(),
                        mine.Where(o => o.Action == CalendarOverrideAction.Remove).Select(o => o.Date).ToFrozenSet());
            },
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in calendars, without overrides.</summary>
    public static CalendarSet BuiltIn { get; } = new([]);

    /// <summary>The overrides applied, in the order given.</summary>
    public IReadOnlyList<CalendarOverride> Overrides { get; }

    /// <summary>
    /// The calendars with <paramref name="overrides"/> applied, or null with every problem in <paramref name="problems"/>:
    /// a country without a calendar, a date outside the calendars' years, an empty name or source, a date given twice
    /// for a country, a date added that the rules already make a holiday, or one removed that they do not.
    /// </summary>
    public static CalendarSet? Create(IReadOnlyList<CalendarOverride> overrides, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var seen = new HashSet<(string, DateOnly)>();
        for (var i = 0; i < overrides.Count; i++)
        {
            var o = overrides[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"overrides[{i}]");
            if (string.IsNullOrWhiteSpace(o.Name))
            {
                found.Add($"{at}.name: is required");
            }

            if (string.IsNullOrWhiteSpace(o.Source))
            {
                found.Add($"{at}.source: is required (the decree or law that decides it)");
            }

            if (!BusinessCalendars.TryGet(o.Country, out var calendar))
            {
                found.Add($"{at}.country: must be one of {string.Join(", ", BusinessCalendars.SupportedCountries)}; got \"{o.Country}\"");
                continue;
            }

            if (o.Date.Year is < BusinessCalendars.MinYear or > BusinessCalendars.MaxYear)
            {
                found.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{at}.date: must be in {BusinessCalendars.MinYear}–{BusinessCalendars.MaxYear}; got {o.Date:yyyy-MM-dd}"));
                continue;
            }

            if (!seen.Add((calendar.Country, o.Date)))
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.date: {calendar.Country} {o.Date:yyyy-MM-dd} is overridden twice"));
                continue;
            }

            var isHoliday = BusinessCalendars.RuleBased(calendar.Country).HolidaysIn(o.Date.Year).Contains(o.Date);
            if (o.Action == CalendarOverrideAction.Add && isHoliday)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.date: {calendar.Country} {o.Date:yyyy-MM-dd} is already a holiday by rule; nothing to add"));
            }
            else if (o.Action == CalendarOverrideAction.Remove && !isHoliday)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.date: {calendar.Country} {o.Date:yyyy-MM-dd} is not a holiday by rule; nothing to remove"));
            }
        }

        problems = found;
        return found.Count == 0 ? new CalendarSet(overrides) : null;
    }

    /// <inheritdoc/>
    public bool TryGet(string country, [MaybeNullWhen(false)] out IBusinessCalendar calendar)
    {
        if (country is null)
        {
            calendar = null;
            return false;
        }

        return _byCountry.TryGetValue(country, out calendar);
    }
}
