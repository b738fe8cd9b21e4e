using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class ColombiaCalendarTests
{
    [Fact]
    public void Colombia_2026_holidays_follow_Ley_51_de_1983_and_Ley_2578_de_2026() =>
        HolidaysAre(
            "CO", 2026,
            "2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01",
            "2026-05-18", "2026-06-08", "2026-06-15", "2026-06-29", "2026-07-13", "2026-07-20", "2026-08-07",
            "2026-08-17", "2026-10-12", "2026-11-02", "2026-11-16", "2026-12-08", "2026-12-25");

    [Fact]
    public void Colombia_moves_Epiphany_to_the_following_Monday()
    {
        var calendar = BusinessCalendars.Get("CO");
        Assert.True(calendar.IsBusinessDay(Day("2026-01-06")));
        Assert.False(calendar.IsBusinessDay(Day("2026-01-12")));
    }

    [Fact]
    public void Colombia_keeps_a_movable_holiday_that_already_falls_on_Monday() =>
        AreHolidays("CO", "2025-01-06");

    [Fact]
    public void Colombia_moves_a_Sunday_holiday_to_the_next_day() =>
        AreHolidays("CO", "2026-11-02");

    [Fact]
    public void Colombia_moves_Ascension_Corpus_Christi_and_Sacred_Heart_to_Mondays() =>
        AreHolidays("CO", "2025-06-02", "2025-06-23", "2025-06-30");

    [Fact]
    public void Colombia_does_not_move_fixed_holidays() =>
        AreHolidays("CO", "2026-08-07", "2026-12-08", "2025-07-20");

    [Fact]
    public void Colombia_2027_holidays_follow_Ley_51_de_1983_and_Ley_2578_de_2026() =>
        HolidaysAre(
            "CO", 2027,
            "2027-01-01", "2027-01-11", "2027-03-22", "2027-03-25", "2027-03-26", "2027-05-01",
            "2027-05-10", "2027-05-31", "2027-06-07", "2027-07-05", "2027-07-12", "2027-07-20", "2027-08-07",
            "2027-08-16", "2027-10-18", "2027-11-01", "2027-11-15", "2027-12-08", "2027-12-25");

    [Fact]
    public void Colombia_Our_Lady_of_Chiquinquira_is_a_Monday_holiday_from_2026_only()
    {
        AreHolidays("CO", "2026-07-13", "2027-07-12", "2029-07-09");
        AreNotHolidays("CO", "2025-07-14", "2025-07-09", "2026-07-09");
    }
}
