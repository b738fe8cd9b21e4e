using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// Due dates of the periods after as-of (SPEC §3). Period j (1-based) falls on the j-th pay day strictly after
/// as-of, moved to the next business day:
/// monthly — the pay day of the month clamped to its length (or, for a weekday pay day, that weekday's first
/// occurrence in the month); weekly and biweekly — the pay weekday every 7 or 14 days (or, for a day-of-month pay
/// day, the first such day after as-of and every 7 or 14 days on).
/// </summary>
public sealed class DueDates
{
    private readonly DateOnly[] _dates;
    private readonly int[] _days;

    private DueDates(DateOnly[] dates, int[] days)
    {
        _dates = dates;
        _days = days;
    }

    /// <summary>Number of periods computed.</summary>
    public int Count => _dates.Length;

    /// <summary>The due date of period <paramref name="period"/> (1-based).</summary>
    public DateOnly Date(int period) => _dates[period - 1];

    /// <summary>Days from as-of to the due date of period <paramref name="period"/> (1-based).</summary>
    public int Days(int period) => _days[period - 1];

    /// <summary>
    /// True when fewer periods than asked were computed because the later ones fall past the calendars' last year
    /// (<see cref="BusinessCalendars.MaxYear"/>): a plan that needs them is infeasible (SPEC §3), not an error.
    /// </summary>
    public bool ReachesCalendarEnd { get; private init; }

    /// <summary>Computes <paramref name="periods"/> due dates, or as many as the calendar's range holds.</summary>
    public static DueDates Compute(DateOnly asOf, Frequency frequency, PayDay payDay, IBusinessCalendar calendar, int periods)
    {
        var dates = new List<DateOnly>(periods);
        var days = new List<int>(periods);
        for (var j = 1; j <= periods; j++)
        {
            var nominal = NominalDate(asOf, frequency, payDay, j);
            if (nominal.Year > BusinessCalendars.MaxYear)
            {
                return new DueDates([.. dates], [.. days]) { ReachesCalendarEnd = true };
            }

            var due = calendar.NextBusinessDayOnOrAfter(nominal);
            dates.Add(due);
            days.Add(due.DayNumber - asOf.DayNumber);
        }

        return new DueDates([.. dates], [.. days]);
    }

    /// <summary>The pay day of period <paramref name="period"/>, before the business-day move.</summary>
    public static DateOnly NominalDate(DateOnly asOf, Frequency frequency, PayDay payDay, int period)
    {
        if (frequency == Frequency.Monthly)
        {
            var first = PayDayInMonth(asOf.Year, asOf.Month, payDay) > asOf ? 0 : 1;
            var month = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(first + period - 1);
            return PayDayInMonth(month.Year, month.Month, payDay);
        }

        var step = frequency == Frequency.Weekly ? 7 : 14;
        return FirstPayDayAfter(asOf, payDay).AddDays(step * (period - 1));
    }

    private static DateOnly FirstPayDayAfter(DateOnly asOf, PayDay payDay)
    {
        if (payDay.Weekday is { } weekday)
        {
            var ahead = ((int)weekday - (int)asOf.DayOfWeek + 7) % 7;
            return asOf.AddDays(ahead == 0 ? 7 : ahead);
        }

        var thisMonth = PayDayInMonth(asOf.Year, asOf.Month, payDay);
        if (thisMonth > asOf)
        {
            return thisMonth;
        }

        var next = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        return PayDayInMonth(next.Year, next.Month, payDay);
    }

    private static DateOnly PayDayInMonth(int year, int month, PayDay payDay)
    {
        if (payDay.Weekday is { } weekday)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7);
        }

        var day = Math.Min(payDay.DayOfMonth ?? 1, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }
}
