using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>Saturdays and Sundays only: the benchmarks measure the evaluation, not a country's holiday table.</summary>
internal sealed class WeekendsOnlyCalendar : IBusinessCalendar
{
    public string Country => "ZZ";

    public bool IsBusinessDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly NextBusinessDayOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
