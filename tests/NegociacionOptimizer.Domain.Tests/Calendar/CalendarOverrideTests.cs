using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Plans;
using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

/// <summary>An operator's dated overrides: checked first, then applied on top of the country's rules.</summary>
public class CalendarOverrideTests
{
    private static CalendarOverride Add(string country, string date) =>
        new(country, Day(date), CalendarOverrideAction.Add, "Feriado puente", "Decreto de prueba");

    private static CalendarOverride Remove(string country, string date) =>
        new(country, Day(date), CalendarOverrideAction.Remove, "Feriado suprimido", "Sentencia de prueba");

    private static IBusinessCalendar Calendar(string country, params CalendarOverride[] overrides)
    {
        var set = CalendarSet.Create(overrides, out var problems);
        Assert.Empty(problems);
        Assert.True(set!.TryGet(country, out var calendar));
        return calendar;
    }

    [Fact]
    public void An_added_holiday_moves_a_due_date_to_the_next_business_day()
    {
        // Monthly pay day 10: July 2026's installment falls on Friday 10 July, an Argentine tourism day in 2026.
        var asOf = Day("2026-06-15");
        var before = DueDates.Compute(asOf, Frequency.Monthly, PayDay.OfMonth(10), BusinessCalendars.Get("AR"), 1);
        var after = DueDates.Compute(asOf, Frequency.Monthly, PayDay.OfMonth(10), Calendar("AR", Add("AR", "2026-07-10")), 1);

        Assert.Equal(Day("2026-07-10"), before.Date(1));
        Assert.Equal(Day("2026-07-13"), after.Date(1));
        Assert.Equal(before.Days(1) + 3, after.Days(1));
    }

    [Fact]
    public void A_removed_holiday_is_a_business_day_again_and_a_due_date_stays_on_it()
    {
        var asOf = Day("2026-06-20");
        var before = DueDates.Compute(asOf, Frequency.Monthly, PayDay.OfMonth(13), BusinessCalendars.Get("CO"), 1);
        var calendar = Calendar("CO", Remove("CO", "2026-07-13"));
        var after = DueDates.Compute(asOf, Frequency.Monthly, PayDay.OfMonth(13), calendar, 1);

        Assert.Equal(Day("2026-07-14"), before.Date(1));
        Assert.Equal(Day("2026-07-13"), after.Date(1));
        Assert.True(calendar.IsBusinessDay(Day("2026-07-13")));
    }

    [Fact]
    public void Overrides_touch_only_their_country_and_countries_without_any_share_the_built_in_calendar()
    {
        var set = CalendarSet.Create([Add("AR", "2026-07-10")], out _)!;

        Assert.True(set.TryGet("cl", out var chile));
        Assert.Same(BusinessCalendars.Get("CL"), chile);
        Assert.True(set.TryGet("AR", out var argentina));
        Assert.NotSame(BusinessCalendars.Get("AR"), argentina);
        Assert.False(set.TryGet("BR", out _));
    }

    [Fact]
    public void Every_problem_of_a_bad_override_list_is_reported_and_no_calendar_is_built()
    {
        var set = CalendarSet.Create(
            [
                Add("BR", "2026-07-10"),
                Add("AR", "2026-07-09"),
                Remove("AR", "2026-07-10"),
                Add("AR", "2026-12-07"),
                Add("AR", "2026-12-07"),
                new("CL", Day("2101-01-02"), CalendarOverrideAction.Add, "x", "y"),
                new("CL", Day("2026-03-02"), CalendarOverrideAction.Add, " ", ""),
            ],
            out var problems);

        Assert.Null(set);
        Assert.Equal(
            [
                "overrides[0].country: must be one of AR, CL, CO, ES, MX, PE, US; got \"BR\"",
                "overrides[1].date: AR 2026-07-09 is already a holiday by rule; nothing to add",
                "overrides[2].date: AR 2026-07-10 is not a holiday by rule; nothing to remove",
                "overrides[4].date: AR 2026-12-07 is overridden twice",
                "overrides[5].date: must be in 2000–2100; got 2101-01-02",
                "overrides[6].name: is required",
                "overrides[6].source: is required (the decree or law that decides it)",
            ],
            problems);
    }

    [Fact]
    public void The_built_in_set_has_no_overrides_and_the_shared_calendars()
    {
        Assert.Empty(CalendarSet.BuiltIn.Overrides);
        Assert.True(CalendarSet.BuiltIn.TryGet("co", out var colombia));
        Assert.Same(BusinessCalendars.Get("CO"), colombia);
    }
}
