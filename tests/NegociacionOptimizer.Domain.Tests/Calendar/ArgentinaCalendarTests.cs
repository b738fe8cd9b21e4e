using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class ArgentinaCalendarTests
{
    [Fact]
    public void Argentina_2025_has_the_statutory_holidays() =>
        AreHolidays(
            "AR",
            "2025-01-01", "2025-03-03", "2025-03-04", "2025-03-24", "2025-04-02", "2025-04-18",
            "2025-05-01", "2025-05-25", "2025-06-16", "2025-06-20", "2025-07-09", "2025-12-08", "2025-12-25");

    [Fact]
    public void Argentina_Carnival_is_the_Monday_and_Tuesday_48_and_47_days_before_Easter() =>
        AreHolidays("AR", "2026-02-16", "2026-02-17", "2024-02-12", "2024-02-13");

    [Fact]
    public void Argentina_moves_a_Tuesday_or_Wednesday_trasladable_to_the_previous_Monday()
    {
        AreHolidays("AR", "2025-06-16", "2024-11-18", "2026-06-15");
        AreNotHolidays("AR", "2025-06-17", "2024-11-20", "2026-06-17");
    }

    [Fact]
    public void Argentina_moves_a_Thursday_or_Friday_trasladable_to_the_next_Monday()
    {
        AreHolidays("AR", "2021-06-21", "2023-08-21", "2026-11-23");
        AreNotHolidays("AR", "2021-06-17", "2023-08-17", "2026-11-20");
    }

    [Fact]
    public void Argentina_leaves_a_weekend_trasladable_on_its_date()
    {
        AreHolidays("AR", "2024-08-17");
        Assert.True(BusinessCalendars.Get("AR").IsBusinessDay(Day("2024-08-19")));
    }

    [Fact]
    public void Argentina_never_moves_inamovible_holidays() =>
        AreHolidays("AR", "2025-04-02", "2025-06-20", "2026-03-24");

    [Fact]
    public void Argentina_Holy_Thursday_is_a_business_day() =>
        Assert.True(BusinessCalendars.Get("AR").IsBusinessDay(Day("2025-04-17")));

    [Fact]
    public void Argentina_used_fixed_Nth_Mondays_under_Decreto_1584_2010()
    {
        AreHolidays("AR", "2016-11-28", "2014-08-18");
        AreNotHolidays("AR", "2016-11-20", "2014-08-17");
    }

    [Fact]
    public void Argentina_Carnival_is_a_holiday_only_from_2011()
    {
        AreNotHolidays("AR", "2010-02-15", "2010-02-16");
        AreHolidays("AR", "2011-03-07", "2011-03-08");
    }
}
