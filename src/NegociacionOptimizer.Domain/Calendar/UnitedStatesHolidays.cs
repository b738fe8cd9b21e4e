namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// United States (US) federal holidays. Source: 5 U.S.C. 6103 and OPM's observance rules
/// (Executive Order 11582): a holiday on Saturday is observed the preceding Friday, one on Sunday
/// the following Monday; Juneteenth from 2021 (Public Law 117-17). Only the observed days off are
/// listed, so New Year's Day of the next year can yield 31 December. Inauguration Day (DC area
/// only) and one-off presidential closures are excluded.
/// </summary>
internal static class UnitedStatesHolidays
{
    /// <summary>Observed holidays falling in <paramref name="year"/>; may include dates of adjacent years.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        yield return Observed(new DateOnly(year, 1, 1));
        yield return Observed(new DateOnly(year + 1, 1, 1));
        yield return DateRules.NthWeekdayOfMonth(year, 1, DayOfWeek.Monday, 3);
        yield return DateRules.NthWeekdayOfMonth(year, 2, DayOfWeek.Monday, 3);
        yield return DateRules.LastWeekdayOfMonth(year, 5, DayOfWeek.Monday);
        if (year >= 2021)
        {
            yield return Observed(new DateOnly(year, 6, 19));
        }

        yield return Observed(new DateOnly(year, 7, 4));
        yield return DateRules.NthWeekdayOfMonth(year, 9, DayOfWeek.Monday, 1);
        yield return DateRules.NthWeekdayOfMonth(year, 10, DayOfWeek.Monday, 2);
        yield return Observed(new DateOnly(year, 11, 11));
        yield return DateRules.NthWeekdayOfMonth(year, 11, DayOfWeek.Thursday, 4);
        yield return Observed(new DateOnly(year, 12, 25));
    }

    /// <summary>OPM: Saturday holidays are observed on Friday, Sunday holidays on Monday.</summary>
    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
