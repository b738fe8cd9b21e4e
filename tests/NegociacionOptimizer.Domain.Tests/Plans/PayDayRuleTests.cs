using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

/// <summary>
/// SPEC §3's pay days across frequencies: a weekday pay day on a monthly plan is that weekday's first occurrence in
/// each month; a day-of-month pay day on a weekly or biweekly plan is the first such day strictly after as-of (clamped
/// to the month's length) and every 7 or 14 days on. Expected dates computed by hand and with a calendar.
/// </summary>
public sealed class PayDayRuleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly[] Nominal(string asOf, Frequency frequency, PayDay payDay, int periods) =>
        [.. Enumerable.Range(1, periods).Select(j => DueDates.NominalDate(D(asOf), frequency, payDay, j))];

    [Theory]
    // as-of, weekday, the first four monthly pay days
    [InlineData("2026-01-31", DayOfWeek.Friday, "2026-02-06", "2026-03-06", "2026-04-03", "2026-05-01")] // month end; 1 Feb is a Sunday
    [InlineData("2026-03-01", DayOfWeek.Wednesday, "2026-03-04", "2026-04-01", "2026-05-06", "2026-06-03")] // this month's first Wednesday is still ahead
    [InlineData("2026-03-02", DayOfWeek.Monday, "2026-04-06", "2026-05-04", "2026-06-01", "2026-07-06")] // as-of is the first Monday: next month
    [InlineData("2028-02-01", DayOfWeek.Tuesday, "2028-03-07", "2028-04-04", "2028-05-02", "2028-06-06")] // leap year, as-of is the first Tuesday
    [InlineData("2024-02-29", DayOfWeek.Thursday, "2024-03-07", "2024-04-04", "2024-05-02", "2024-06-06")] // as-of on 29 February
    [InlineData("2026-12-31", DayOfWeek.Monday, "2027-01-04", "2027-02-01", "2027-03-01", "2027-04-05")] // across the year end
    public void Weekday_pay_day_on_a_monthly_plan_is_that_weekday_s_first_occurrence_in_each_month(
        string asOf, DayOfWeek weekday, string first, string second, string third, string fourth)
    {
        var dates = Nominal(asOf, Frequency.Monthly, PayDay.OnWeekday(weekday), 4);

        Assert.Equal([D(first), D(second), D(third), D(fourth)], dates);
        Assert.All(dates, d => Assert.Equal((weekday, true), (d.DayOfWeek, d.Day <= 7)));
    }

    [Theory]
    // as-of, day of month, frequency, the first four pay days
    [InlineData("2026-01-20", 31, Frequency.Weekly, "2026-01-31", "2026-02-07", "2026-02-14", "2026-02-21")] // month end, then weekly
    [InlineData("2026-02-15", 30, Frequency.Biweekly, "2026-02-28", "2026-03-14", "2026-03-28", "2026-04-11")] // 30 clamped to 28 Feb
    [InlineData("2028-02-10", 29, Frequency.Weekly, "2028-02-29", "2028-03-07", "2028-03-14", "2028-03-21")] // leap day
    [InlineData("2027-02-28", 29, Frequency.Weekly, "2027-03-29", "2027-04-05", "2027-04-12", "2027-04-19")] // clamped day is as-of: next month
    [InlineData("2026-03-10", 10, Frequency.Biweekly, "2026-04-10", "2026-04-24", "2026-05-08", "2026-05-22")] // strictly after as-of
    [InlineData("2026-12-31", 31, Frequency.Biweekly, "2027-01-31", "2027-02-14", "2027-02-28", "2027-03-14")] // across the year end
    public void Day_of_month_pay_day_on_a_weekly_or_biweekly_plan_starts_on_the_first_such_day_after_as_of(
        string asOf, int day, Frequency frequency, string first, string second, string third, string fourth)
    {
        var dates = Nominal(asOf, frequency, PayDay.OfMonth(day), 4);

        Assert.Equal([D(first), D(second), D(third), D(fourth)], dates);
        var step = frequency == Frequency.Weekly ? 7 : 14;
        Assert.All(dates.Zip(dates.Skip(1)), p => Assert.Equal(step, p.Second.DayNumber - p.First.DayNumber));
    }

    [Fact]
    public void Weekly_day_of_month_dates_that_fall_on_a_weekend_move_to_monday()
    {
        // 31 Jan 2026 and every 7 days on are Saturdays.
        var dates = DueDates.Compute(D("2026-01-20"), Frequency.Weekly, PayDay.OfMonth(31), TestCalendar.WeekendsOnly, 3);

        Assert.Equal([D("2026-02-02"), D("2026-02-09"), D("2026-02-16")], Enumerable.Range(1, 3).Select(dates.Date));
        Assert.Equal([13, 20, 27], Enumerable.Range(1, 3).Select(dates.Days));
    }

    [Fact]
    public void Monthly_weekday_date_on_a_holiday_moves_to_the_next_business_day()
    {
        // First Friday of May 2026 is 1 May (Labour Day here): Saturday and Sunday follow, so Monday 4 May.
        var calendar = new TestCalendar(D("2026-05-01"));
        var dates = DueDates.Compute(D("2026-01-31"), Frequency.Monthly, PayDay.OnWeekday(DayOfWeek.Friday), calendar, 4);

        Assert.Equal([D("2026-02-06"), D("2026-03-06"), D("2026-04-03"), D("2026-05-04")], Enumerable.Range(1, 4).Select(dates.Date));
        Assert.Equal(93, dates.Days(4));
    }

    [Fact]
    public void Biweekly_day_of_month_date_on_a_holiday_moves_and_the_next_one_keeps_its_step()
    {
        // 10 Apr 2026 (Friday) a holiday → Monday 13 Apr; the next pay day stays 24 Apr, 14 days after the nominal one.
        var calendar = new TestCalendar(D("2026-04-10"));
        var dates = DueDates.Compute(D("2026-03-10"), Frequency.Biweekly, PayDay.OfMonth(10), calendar, 2);

        Assert.Equal([D("2026-04-13"), D("2026-04-24")], Enumerable.Range(1, 2).Select(dates.Date));
    }
}
