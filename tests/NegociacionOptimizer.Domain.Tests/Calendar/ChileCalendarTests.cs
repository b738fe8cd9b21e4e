using NegociacionOptimizer.Domain.Calendar;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class ChileCalendarTests
{
    [Fact]
    public void Chile_2025_holidays_follow_the_statutes() =>
        HolidaysAre(
            "CL", 2025,
            "2025-01-01", "2025-04-18", "2025-04-19", "2025-05-01", "2025-05-21", "2025-06-20",
            "2025-06-29", "2025-07-16", "2025-08-15", "2025-09-18", "2025-09-19", "2025-10-12",
            "2025-10-31", "2025-11-01", "2025-12-08", "2025-12-25");

    [Fact]
    public void Chile_moves_San_Pedro_y_San_Pablo_and_12_October_to_the_Monday_of_their_week()
    {
        AreHolidays("CL", "2023-06-26", "2023-10-09", "2022-06-27", "2022-10-10");
        AreNotHolidays("CL", "2023-06-29", "2023-10-12");
    }

    [Fact]
    public void Chile_moves_a_Friday_San_Pedro_y_San_Pablo_to_the_following_Monday() =>
        AreHolidays("CL", "2018-07-02");

    [Fact]
    public void Chile_moves_Reformation_Day_to_a_Friday()
    {
        AreHolidays("CL", "2023-10-27", "2018-11-02");
        AreNotHolidays("CL", "2023-10-31", "2018-10-31");
    }

    [Fact]
    public void Chile_2_January_is_a_holiday_when_it_is_a_Monday() =>
        AreHolidays("CL", "2023-01-02", "2017-01-02");

    [Fact]
    public void Chile_Fiestas_Patrias_extend_to_a_Monday_17_or_a_Friday_20_September() =>
        AreHolidays("CL", "2024-09-20", "2018-09-17", "2019-09-20");

    [Theory]
    [InlineData("2021-06-21")]
    [InlineData("2022-06-21")]
    [InlineData("2023-06-21")]
    [InlineData("2024-06-20")]
    [InlineData("2025-06-20")]
    [InlineData("2026-06-21")]
    public void Chile_Indigenous_Peoples_Day_falls_on_the_winter_solstice(string date) =>
        Assert.Equal(Day(date), ChileHolidays.IndigenousPeoplesDay(Day(date).Year));

    [Fact]
    public void Chile_Indigenous_Peoples_Day_starts_in_2021() =>
        AreNotHolidays("CL", "2020-06-20", "2020-06-21");
}
