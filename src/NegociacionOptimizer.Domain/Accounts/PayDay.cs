namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>The person's pay day: a day of the month (monthly earners) or a weekday (weekly and biweekly earners).</summary>
/// <param name="DayOfMonth">1..31, clamped to the month's length; null when a weekday is given.</param>
/// <param name="Weekday">Pay weekday; null when a day of the month is given.</param>
public readonly record struct PayDay(int? DayOfMonth, DayOfWeek? Weekday)
{
    /// <summary>A monthly pay day.</summary>
    public static PayDay OfMonth(int day) => new(day, null);

    /// <summary>A weekly or biweekly pay day.</summary>
    public static PayDay OnWeekday(DayOfWeek weekday) => new(null, weekday);
}
