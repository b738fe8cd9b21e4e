using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class ComputusTests
{
    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday_matches_known_dates(int year, string expected) =>
        Assert.Equal(CalendarAssert.Day(expected), Computus.EasterSunday(year));

    [Fact]
    public void Easter_is_always_a_Sunday_between_22_March_and_25_April()
    {
        for (var year = BusinessCalendars.MinYear; year <= BusinessCalendars.MaxYear; year++)
        {
            var easter = Computus.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }
}
