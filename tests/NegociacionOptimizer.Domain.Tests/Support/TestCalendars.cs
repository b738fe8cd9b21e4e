using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Domain.Tests.Support;

/// <summary>Test-only calendar: Saturdays, Sundays and the listed holidays are not business days.</summary>
internal sealed class TestCalendar(params DateOnly[] holidays) : IBusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static TestCalendar WeekendsOnly { get; } = new();

    public string Country => "ZZ";

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    public DateOnly NextBusinessDayOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
