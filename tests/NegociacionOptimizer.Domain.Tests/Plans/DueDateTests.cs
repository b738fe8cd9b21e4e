using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

public sealed class DueDateTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateOnly[] Dates(DueDates dates) => [.. Enumerable.Range(1, dates.Count).Select(dates.Date)];

    [Fact]
    public void Monthly_pay_day_31_is_clamped_to_short_months()
    {
        var asOf = D(2026, 1, 15);
        Assert.Equal(D(2026, 1, 31), DueDates.NominalDate(asOf, Frequency.Monthly, PayDay.OfMonth(31), 1));
        Assert.Equal(D(2026, 2, 28), DueDates.NominalDate(asOf, Frequency.Monthly, PayDay.OfMonth(31), 2));
        Assert.Equal(D(2026, 3, 31), DueDates.NominalDate(asOf, Frequency.Monthly, PayDay.OfMonth(31), 3));
        Assert.Equal(D(2026, 4, 30), DueDates.NominalDate(asOf, Frequency.Monthly, PayDay.OfMonth(31), 4));
        Assert.Equal(D(2028, 2, 29), DueDates.NominalDate(D(2028, 1, 31), Frequency.Monthly, PayDay.OfMonth(31), 1));
    }

    [Fact]
    public void Monthly_due_dates_move_over_weekends()
    {
        // 31 Jan 2026 is a Saturday → Mon 2 Feb; 28 Feb (Sat) → Mon 2 Mar; 31 Mar Tue; 30 Apr Thu; 31 May (Sun) → Mon 1 Jun.
        var dates = DueDates.Compute(D(2026, 1, 15), Frequency.Monthly, PayDay.OfMonth(31), TestCalendar.WeekendsOnly, 5);

        Assert.Equal([D(2026, 2, 2), D(2026, 3, 2), D(2026, 3, 31), D(2026, 4, 30), D(2026, 6, 1)], Dates(dates));
        Assert.Equal([18, 46, 75, 105, 137], Enumerable.Range(1, 5).Select(dates.Days));
    }

    [Fact]
    public void Pay_day_equal_to_as_of_goes_to_the_next_month()
    {
        var dates = DueDates.Compute(D(2026, 3, 10), Frequency.Monthly, PayDay.OfMonth(10), TestCalendar.WeekendsOnly, 1);
        Assert.Equal(D(2026, 4, 10), dates.Date(1));
        Assert.Equal(31, dates.Days(1));

        // Clamped pay day equal to as-of: 28 Feb 2026 with pay day 31 → 31 Mar.
        Assert.Equal(D(2026, 3, 31), DueDates.NominalDate(D(2026, 2, 28), Frequency.Monthly, PayDay.OfMonth(31), 1));
    }

    [Fact]
    public void Weekly_and_biweekly_fall_on_the_pay_weekday_strictly_after_as_of()
    {
        var monday = D(2026, 3, 2);
        var friday = PayDay.OnWeekday(DayOfWeek.Friday);

        Assert.Equal([D(2026, 3, 6), D(2026, 3, 13), D(2026, 3, 20)],
            Dates(DueDates.Compute(monday, Frequency.Weekly, friday, TestCalendar.WeekendsOnly, 3)));
        Assert.Equal([D(2026, 3, 6), D(2026, 3, 20), D(2026, 4, 3)],
            Dates(DueDates.Compute(monday, Frequency.Biweekly, friday, TestCalendar.WeekendsOnly, 3)));
        Assert.Equal(D(2026, 3, 13), DueDates.NominalDate(D(2026, 3, 6), Frequency.Weekly, friday, 1));
    }

    [Fact]
    public void Weekly_with_a_day_of_month_pay_day_starts_on_that_day_and_steps_a_week()
    {
        var dates = DueDates.Compute(D(2026, 3, 2), Frequency.Weekly, PayDay.OfMonth(10), TestCalendar.WeekendsOnly, 3);
        Assert.Equal([D(2026, 3, 10), D(2026, 3, 17), D(2026, 3, 24)], Dates(dates));
    }

    [Fact]
    public void Monthly_weekday_pay_day_is_its_first_occurrence_in_the_month()
    {
        var dates = DueDates.Compute(D(2026, 3, 2), Frequency.Monthly, PayDay.OnWeekday(DayOfWeek.Monday), TestCalendar.WeekendsOnly, 2);
        Assert.Equal([D(2026, 4, 6), D(2026, 5, 4)], Dates(dates));
    }

    [Fact]
    public void Holidays_move_the_due_date_to_the_next_business_day()
    {
        // 10 Mar 2026 (Tue) is a holiday → Wed 11 Mar; 10 May is a Sunday and Mon 11 May a holiday → Tue 12 May.
        var calendar = new TestCalendar(D(2026, 3, 10), D(2026, 5, 11));
        var dates = DueDates.Compute(D(2026, 3, 2), Frequency.Monthly, PayDay.OfMonth(10), calendar, 3);

        Assert.Equal([D(2026, 3, 11), D(2026, 4, 10), D(2026, 5, 12)], Dates(dates));
        Assert.Equal([9, 39, 71], Enumerable.Range(1, 3).Select(dates.Days));
    }

    [Fact]
    public void Grace_shifts_installment_k_to_period_g_plus_k()
    {
        var context = Scenario.Financing(300_000, Scenario.Policy(tnaBp: 0), Scenario.Inquiry(lumpSum: 0));
        var evaluation = PlanEvaluator.Evaluate(context, Scenario.Plan(Frequency.Monthly, 3, g: 2));
        var periods = DueDates.Compute(Scenario.AsOf, Frequency.Monthly, PayDay.OfMonth(10), TestCalendar.WeekendsOnly, 5);

        // Periods 3..5: 10 May (Sun) → 11 May, 10 Jun (Wed), 10 Jul (Fri).
        Assert.Equal([D(2026, 5, 11), D(2026, 6, 10), D(2026, 7, 10)], evaluation.Schedule.Select(r => r.DueDate));
        Assert.Equal([periods.Days(3), periods.Days(4), periods.Days(5)], evaluation.Schedule.Select(r => r.DaysFromAsOf));
    }
}
