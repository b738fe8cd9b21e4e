using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class SpainCalendarTests
{
    [Fact]
    public void Spain_2026_national_holidays() =>
        HolidaysAre(
            "ES", 2026,
            "2026-01-01", "2026-01-06", "2026-04-03", "2026-05-01", "2026-08-15", "2026-10-12",
            "2026-11-01", "2026-12-06", "2026-12-08", "2026-12-25");

    [Fact]
    public void Spain_regional_Holy_Thursday_and_Easter_Monday_are_business_days()
    {
        var calendar = BusinessCalendars.Get("ES");
        Assert.True(calendar.IsBusinessDay(Day("2026-04-02")));
        Assert.True(calendar.IsBusinessDay(Day("2026-04-06")));
    }

    [Fact]
    public void Spain_does_not_move_a_Sunday_holiday_to_Monday() =>
        Assert.True(BusinessCalendars.Get("ES").IsBusinessDay(Day("2026-12-07")));
}
