namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Colombia (CO) holidays. Source: Ley 51 de 1983 ("Ley Emiliani"), art. 1, which lists the
/// holidays and moves most of them to the following Monday when they do not fall on a Monday.
/// Fixed: 1 Jan, 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec, Holy Thursday, Good Friday.
/// Moved to Monday: 6 Jan, 19 Mar, 29 Jun, 15 Aug, 12 Oct, 1 Nov, 11 Nov, Ascension,
/// Corpus Christi and Sacred Heart.
/// </summary>
internal static class ColombiaHolidays
{
    /// <summary>Holidays falling in <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        var easter = Computus.EasterSunday(year);
        yield return new DateOnly(year, 1, 1);
        yield return Emiliani(new DateOnly(year, 1, 6));
        yield return Emiliani(new DateOnly(year, 3, 19));
        yield return easter.AddDays(-3);
        yield return easter.AddDays(-2);
        yield return new DateOnly(year, 5, 1);
        yield return Emiliani(easter.AddDays(39));
        yield return Emiliani(easter.AddDays(60));
        yield return Emiliani(easter.AddDays(68));
        yield return Emiliani(new DateOnly(year, 6, 29));
        yield return new DateOnly(year, 7, 20);
        yield return new DateOnly(year, 8, 7);
        yield return Emiliani(new DateOnly(year, 8, 15));
        yield return Emiliani(new DateOnly(year, 10, 12));
        yield return Emiliani(new DateOnly(year, 11, 1));
        yield return Emiliani(new DateOnly(year, 11, 11));
        yield return new DateOnly(year, 12, 8);
        yield return new DateOnly(year, 12, 25);
    }

    /// <summary>Ley 51 de 1983 art. 1: the holiday is observed on the next Monday unless it already is one.</summary>
    private static DateOnly Emiliani(DateOnly date) => DateRules.OnOrAfter(date, DayOfWeek.Monday);
}
