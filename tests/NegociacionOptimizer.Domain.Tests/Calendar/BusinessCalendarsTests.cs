using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class BusinessCalendarsTests
{
    public static TheoryData<string> Countries => [.. BusinessCalendars.SupportedCountries];

    [Fact]
    public void Supports_the_seven_countries_in_alphabetical_order() =>
        Assert.Equal(["AR", "CL", "CO", "ES", "MX", "PE", "US"], BusinessCalendars.SupportedCountries);

    [Theory]
    [InlineData("co", "CO")]
    [InlineData("Ar", "AR")]
    [InlineData("US", "US")]
    public void TryGet_matches_country_codes_case_insensitively(string code, string expected)
    {
        Assert.True(BusinessCalendars.TryGet(code, out var calendar));
        Assert.Equal(expected, calendar.Country);
    }

    [Theory]
    [InlineData("BR")]
    [InlineData("")]
    [InlineData("ARG")]
    public void TryGet_fails_for_an_unknown_country(string code) =>
        Assert.False(BusinessCalendars.TryGet(code, out _));

    [Fact]
    public void TryGet_fails_for_a_null_country() =>
        Assert.False(BusinessCalendars.TryGet(null!, out _));

    [Fact]
    public void Get_throws_ArgumentException_for_an_unknown_country() =>
        Assert.Throws<ArgumentException>(() => BusinessCalendars.Get("XX"));

    [Fact]
    public void Get_returns_the_same_shared_instance() =>
        Assert.Same(BusinessCalendars.Get("mx"), BusinessCalendars.Get("MX"));

    [Theory]
    [MemberData(nameof(Countries))]
    public void Weekends_are_not_business_days(string country)
    {
        var calendar = BusinessCalendars.Get(country);
        Assert.False(calendar.IsBusinessDay(Day("2026-03-07")));
        Assert.False(calendar.IsBusinessDay(Day("2026-03-08")));
        Assert.True(calendar.IsBusinessDay(Day("2026-03-10")));
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Dates_outside_the_supported_years_are_rejected(string country)
    {
        var calendar = BusinessCalendars.Get(country);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsBusinessDay(Day("1999-12-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.NextBusinessDayOnOrAfter(Day("2101-01-03")));
    }

    [Fact]
    public void NextBusinessDay_returns_a_business_day_unchanged()
    {
        var wednesday = Day("2026-03-11");
        Assert.Equal(wednesday, BusinessCalendars.Get("ES").NextBusinessDayOnOrAfter(wednesday));
    }

    [Fact]
    public void NextBusinessDay_skips_a_Friday_holiday_and_the_weekend() =>
        Assert.Equal(Day("2026-04-06"), BusinessCalendars.Get("ES").NextBusinessDayOnOrAfter(Day("2026-04-03")));

    [Fact]
    public void NextBusinessDay_skips_Holy_Thursday_Good_Friday_and_the_weekend() =>
        Assert.Equal(Day("2026-04-06"), BusinessCalendars.Get("CO").NextBusinessDayOnOrAfter(Day("2026-04-02")));

    [Fact]
    public void NextBusinessDay_skips_a_weekend_followed_by_a_Monday_holiday() =>
        Assert.Equal(Day("2026-01-13"), BusinessCalendars.Get("CO").NextBusinessDayOnOrAfter(Day("2026-01-10")));

    [Fact]
    public void NextBusinessDay_rolls_over_into_the_next_year() =>
        Assert.Equal(Day("2022-01-03"), BusinessCalendars.Get("US").NextBusinessDayOnOrAfter(Day("2021-12-31")));

    [Fact]
    public void NextBusinessDay_from_the_last_supported_day_may_land_in_the_following_January() =>
        Assert.Equal(Day("2101-01-03"), BusinessCalendars.Get("US").NextBusinessDayOnOrAfter(Day("2100-12-31")));

    [Theory]
    [MemberData(nameof(Countries))]
    public void Queries_agree_with_the_holiday_sets_on_every_supported_day(string country)
    {
        var calendar = (RuleBasedCalendar)BusinessCalendars.Get(country);
        DateOnly? expectedNext = null;
        for (var date = Day("2100-12-31"); date.Year >= BusinessCalendars.MinYear; date = date.AddDays(-1))
        {
            var isBusinessDay = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                                && !calendar.HolidaysIn(date.Year).Contains(date);
            Assert.Equal(isBusinessDay, calendar.IsBusinessDay(date));
            if (isBusinessDay)
            {
                expectedNext = date;
            }

            if (expectedNext is { } next)
            {
                Assert.Equal(next, calendar.NextBusinessDayOnOrAfter(date));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Every_supported_year_has_a_plausible_number_of_holidays(string country)
    {
        for (var year = BusinessCalendars.MinYear; year <= BusinessCalendars.MaxYear; year++)
        {
            Assert.InRange(Holidays(country, year).Count, 7, 20);
        }
    }

    [Fact]
    public void Concurrent_first_use_gives_consistent_answers()
    {
        var calendar = new RuleBasedCalendar("CO", ColombiaHolidays.Rules);
        var start = Day("2040-01-01");
        var results = new DateOnly[64];
        Parallel.For(0, results.Length, i => results[i] = calendar.NextBusinessDayOnOrAfter(start.AddDays(i % 8)));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(calendar.NextBusinessDayOnOrAfter(start.AddDays(i % 8)), results[i]);
        }
    }
}
