using System.Globalization;
using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

internal static class CalendarAssert
{
    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IReadOnlyList<DateOnly> Holidays(string country, int year) =>
        [.. ((RuleBasedCalendar)BusinessCalendars.Get(country)).HolidaysIn(year).Order()];

    public static void HolidaysAre(string country, int year, params string[] expected) =>
        Assert.Equal(expected.Select(Day), Holidays(country, year));

    public static void AreHolidays(string country, params string[] dates)
    {
        var calendar = BusinessCalendars.Get(country);
        foreach (var date in dates.Select(Day))
        {
            Assert.True(Holidays(country, date.Year).Contains(date), $"{country} {date:O} should be a holiday");
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Assert.False(calendar.IsBusinessDay(date), $"{country} {date:O} should not be a business day");
            }
        }
    }

    public static void AreNotHolidays(string country, params string[] dates)
    {
        foreach (var date in dates.Select(Day))
        {
            Assert.False(Holidays(country, date.Year).Contains(date), $"{country} {date:O} should not be a holiday");
        }
    }
}
