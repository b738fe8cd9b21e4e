using System.Diagnostics.CodeAnalysis;
using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>
/// The boundary's one access point to country calendars. Until the domain's <c>BusinessCalendars</c> (public holidays
/// per country) is merged, this serves the countries the protos document with weekends as the only non-business days;
/// once it lands, both members delegate to <c>BusinessCalendars.SupportedCountries</c> and <c>BusinessCalendars.TryGet</c>.
/// </summary>
public static class CountryCalendars
{
    /// <summary>ISO-3166 alpha-2 countries a policy may name.</summary>
    public static IReadOnlyList<string> SupportedCountries { get; } = ["AR", "CL", "CO", "ES", "MX", "PE", "US"];

    /// <summary>The calendar of <paramref name="country"/>; false for an unsupported country.</summary>
    public static bool TryGet(string country, [MaybeNullWhen(false)] out IBusinessCalendar calendar)
    {
        calendar = SupportedCountries.Contains(country, StringComparer.Ordinal) ? new WeekendCalendar(country) : null;
        return calendar is not null;
    }

    private sealed record WeekendCalendar(string Country) : IBusinessCalendar
    {
        public bool IsBusinessDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public DateOnly NextBusinessDayOnOrAfter(DateOnly date)
        {
            while (!IsBusinessDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }
    }
}
