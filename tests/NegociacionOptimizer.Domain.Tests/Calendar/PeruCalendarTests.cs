using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class PeruCalendarTests
{
    [Fact]
    public void Peru_2025_holidays_follow_Decreto_Legislativo_713() =>
        HolidaysAre(
            "PE", 2025,
            "2025-01-01", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-07", "2025-06-29",
            "2025-07-23", "2025-07-28", "2025-07-29", "2025-08-06", "2025-08-30", "2025-10-08",
            "2025-11-01", "2025-12-08", "2025-12-09", "2025-12-25");

    [Fact]
    public void Peru_never_moves_a_weekend_holiday() =>
        Assert.True(BusinessCalendars.Get("PE").IsBusinessDay(Day("2025-06-30")));

    [Fact]
    public void Peru_recent_holidays_apply_from_the_year_their_law_took_effect()
    {
        AreNotHolidays("PE", "2021-12-09", "2021-08-06", "2022-07-23", "2023-06-07");
        AreHolidays("PE", "2022-12-09", "2022-08-06", "2023-07-23", "2024-06-07");
    }
}
