using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class UnitedStatesCalendarTests
{
    [Fact]
    public void United_States_2026_federal_holidays_are_the_observed_days() =>
        HolidaysAre(
            "US", 2026,
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25");

    [Fact]
    public void United_States_observes_a_Saturday_holiday_on_the_preceding_Friday()
    {
        AreHolidays("US", "2026-07-03", "2021-06-18");
        AreNotHolidays("US", "2026-07-04");
    }

    [Fact]
    public void United_States_observes_a_Sunday_holiday_on_the_following_Monday() =>
        AreHolidays("US", "2022-12-26", "2023-01-02");

    [Fact]
    public void United_States_observes_a_Saturday_New_Year_on_31_December_of_the_previous_year()
    {
        AreHolidays("US", "2021-12-31");
        Assert.True(BusinessCalendars.Get("US").IsBusinessDay(Day("2021-12-30")));
    }

    [Fact]
    public void United_States_Juneteenth_is_a_holiday_only_from_2021()
    {
        Assert.True(BusinessCalendars.Get("US").IsBusinessDay(Day("2020-06-19")));
        AreHolidays("US", "2025-06-19");
    }
}
