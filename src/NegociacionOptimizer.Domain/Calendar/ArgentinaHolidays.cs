namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Argentina (AR) national holidays. Source: Ley 27.399 (2017), which consolidates Ley 23.555,
/// Decreto 1584/2010, Ley 26.085 (24 March) and Ley 27.258 (Güemes).
/// Inamovibles: 1 Jan, Carnival Monday and Tuesday, 24 Mar, 2 Apr, Good Friday, 1 May, 25 May,
/// 20 Jun, 9 Jul, 8 Dec, 25 Dec. Trasladables (art. 6): 17 Jun, 17 Aug, 12 Oct, 20 Nov.
/// Puentes turísticos (art. 7) and ad-hoc decrees (e.g. Decreto 614/2025 weekend moves) are set
/// yearly by the Executive and cannot be derived by rule; Holy Thursday is a día no laborable,
/// not a feriado.
/// </summary>
internal static class ArgentinaHolidays
{
    /// <summary>Decreto 1584/2010 (Nth-Monday rule) was published on 3 Nov 2010.</summary>
    private static readonly DateOnly Decree1584InForce = new(2010, 11, 3);

    /// <summary>Ley 27.399 (Monday-nearest rule) was published on 18 Oct 2017.</summary>
    private static readonly DateOnly Law27399InForce = new(2017, 10, 18);

    /// <summary>Holidays falling in <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        var easter = Computus.EasterSunday(year);
        yield return new DateOnly(year, 1, 1);
        if (year >= 2011)
        {
            yield return easter.AddDays(-48);
            yield return easter.AddDays(-47);
        }

        if (year >= 2006)
        {
            yield return new DateOnly(year, 3, 24);
        }

        yield return new DateOnly(year, 4, 2);
        yield return easter.AddDays(-2);
        yield return new DateOnly(year, 5, 1);
        yield return new DateOnly(year, 5, 25);
        if (year >= 2016)
        {
            var guemes = new DateOnly(year, 6, 17);
            yield return guemes >= Law27399InForce ? MoveToNearMonday(guemes) : guemes;
        }

        var belgrano = new DateOnly(year, 6, 20);
        yield return belgrano < Decree1584InForce ? MoveToNearMonday(belgrano) : belgrano;
        yield return new DateOnly(year, 7, 9);
        yield return Trasladable(new DateOnly(year, 8, 17), nthMondayUnderDecree1584: 3);
        yield return Trasladable(new DateOnly(year, 10, 12), nthMondayUnderDecree1584: 2);
        if (year >= 2010)
        {
            yield return Trasladable(new DateOnly(year, 11, 20), nthMondayUnderDecree1584: 4);
        }

        yield return new DateOnly(year, 12, 8);
        yield return new DateOnly(year, 12, 25);
    }

    /// <summary>
    /// Ley 23.555 art. 6 and Ley 27.399 art. 6: Tuesday/Wednesday move to the previous Monday,
    /// Thursday/Friday to the next Monday; Saturday, Sunday and Monday stay.
    /// </summary>
    private static DateOnly MoveToNearMonday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Tuesday => date.AddDays(-1),
        DayOfWeek.Wednesday => date.AddDays(-2),
        DayOfWeek.Thursday => date.AddDays(4),
        DayOfWeek.Friday => date.AddDays(3),
        _ => date,
    };

    /// <summary>Between the two laws, Decreto 1584/2010 fixed each trasladable on an Nth Monday of its month.</summary>
    private static DateOnly Trasladable(DateOnly date, int nthMondayUnderDecree1584) =>
        date >= Decree1584InForce && date < Law27399InForce
            ? DateRules.NthWeekdayOfMonth(date.Year, date.Month, DayOfWeek.Monday, nthMondayUnderDecree1584)
            : MoveToNearMonday(date);
}
