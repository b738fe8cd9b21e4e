namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Mexico (MX) mandatory rest days. Source: Ley Federal del Trabajo art. 74 (Monday rule from the
/// reform published 17 Jan 2006): 1 Jan, first Monday of Feb, third Monday of Mar, 1 May, 16 Sep,
/// third Monday of Nov, 25 Dec and the day the federal Executive changes hands (1 Dec until 2018,
/// 1 Oct every six years from 2024). Bank-only closing days (CNBV: Holy Thursday/Friday, 2 Nov,
/// 12 Dec) and local election days are not LFT holidays and are excluded.
/// </summary>
internal static class MexicoHolidays
{
    /// <summary>Holidays falling in <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        var mondayRule = year >= 2006;
        yield return new DateOnly(year, 1, 1);
        yield return mondayRule ? DateRules.NthWeekdayOfMonth(year, 2, DayOfWeek.Monday, 1) : new DateOnly(year, 2, 5);
        yield return mondayRule ? DateRules.NthWeekdayOfMonth(year, 3, DayOfWeek.Monday, 3) : new DateOnly(year, 3, 21);
        yield return new DateOnly(year, 5, 1);
        yield return new DateOnly(year, 9, 16);
        yield return mondayRule ? DateRules.NthWeekdayOfMonth(year, 11, DayOfWeek.Monday, 3) : new DateOnly(year, 11, 20);
        if (year >= 2024 && (year - 2024) % 6 == 0)
        {
            yield return new DateOnly(year, 10, 1);
        }
        else if (year <= 2018 && (year - 2000) % 6 == 0)
        {
            yield return new DateOnly(year, 12, 1);
        }

        yield return new DateOnly(year, 12, 25);
    }
}
