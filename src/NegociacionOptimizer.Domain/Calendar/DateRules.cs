namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>Weekday arithmetic shared by the country holiday rules.</summary>
internal static class DateRules
{
    /// <summary>True on Saturday and Sunday.</summary>
    public static bool IsWeekend(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The first <paramref name="dayOfWeek"/> on or after <paramref name="date"/>.</summary>
    public static DateOnly OnOrAfter(DateOnly date, DayOfWeek dayOfWeek) =>
        date.AddDays(((int)dayOfWeek - (int)date.DayOfWeek + 7) % 7);

    /// <summary>The <paramref name="n"/>-th (1-based) <paramref name="dayOfWeek"/> of a month, e.g. the third Monday of March.</summary>
    public static DateOnly NthWeekdayOfMonth(int year, int month, DayOfWeek dayOfWeek, int n) =>
        OnOrAfter(new DateOnly(year, month, 1), dayOfWeek).AddDays(7 * (n - 1));

    /// <summary>The last <paramref name="dayOfWeek"/> of a month, e.g. the last Monday of May.</summary>
    public static DateOnly LastWeekdayOfMonth(int year, int month, DayOfWeek dayOfWeek)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)dayOfWeek + 7) % 7));
    }
}
