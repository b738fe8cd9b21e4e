namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Spain (ES) national holidays. Source: Estatuto de los Trabajadores art. 37.2 and
/// Real Decreto 2001/1983 art. 45: 1 Jan, 6 Jan, Good Friday, 1 May, 15 Aug, 12 Oct, 1 Nov, 6 Dec,
/// 8 Dec, 25 Dec. Regional and local holidays (including Holy Thursday, Easter Monday and the
/// regions' Monday substitutes for holidays falling on Sunday) vary by autonomous community and are
/// excluded.
/// </summary>
internal static class SpainHolidays
{
    /// <summary>Holidays falling in <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        yield return new DateOnly(year, 1, 1);
        yield return new DateOnly(year, 1, 6);
        yield return Computus.EasterSunday(year).AddDays(-2);
        yield return new DateOnly(year, 5, 1);
        yield return new DateOnly(year, 8, 15);
        yield return new DateOnly(year, 10, 12);
        yield return new DateOnly(year, 11, 1);
        yield return new DateOnly(year, 12, 6);
        yield return new DateOnly(year, 12, 8);
        yield return new DateOnly(year, 12, 25);
    }
}
