using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class MexicoCalendarTests
{
    [Fact]
    public void Mexico_2026_rest_days_follow_LFT_article_74() =>
        HolidaysAre(
            "MX", 2026,
            "2026-01-01", "2026-02-02", "2026-03-16", "2026-05-01", "2026-09-16", "2026-11-16", "2026-12-25");

    [Fact]
    public void Mexico_observes_Constitution_Juarez_and_Revolution_days_on_Mondays()
    {
        AreHolidays("MX", "2025-02-03", "2025-03-17", "2025-11-17");
        AreNotHolidays("MX", "2025-02-05", "2025-03-21", "2025-11-20");
    }

    [Fact]
    public void Mexico_rests_on_1_October_when_the_Executive_changes_hands()
    {
        AreHolidays("MX", "2024-10-01", "2030-10-01");
        AreNotHolidays("MX", "2025-10-01", "2024-12-01");
    }

    [Fact]
    public void Mexico_rested_on_1_December_of_inauguration_years_until_2018() =>
        AreHolidays("MX", "2012-12-01", "2018-12-01");

    [Fact]
    public void Mexico_bank_only_closing_days_are_business_days()
    {
        var calendar = BusinessCalendars.Get("MX");
        Assert.True(calendar.IsBusinessDay(Day("2026-04-02")));
        Assert.True(calendar.IsBusinessDay(Day("2025-12-12")));
    }
}
