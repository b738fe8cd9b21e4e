namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Argentina (AR) national feriados. Ley 27.399 (in force 18 Oct 2017) consolidates the list: inamovibles (art. 2) and
/// trasladables (art. 6: Tuesday/Wednesday to the previous Monday, Thursday/Friday to the next Monday). Before it,
/// Ley 23.555 art. 6 gave the same move rule until Decreto 1584/2010 (3 Nov 2010) fixed the trasladables on an Nth Monday.
/// Días no laborables (Holy Thursday, the yearly days "con fines turísticos" of art. 7, e.g. 23 Mar, 10 Jul and 7 Dec 2026
/// by Resolución 164/2025) are optional for employers and are not feriados; decrees that move a weekend trasladable
/// (Decreto 614/2025) are set case by case. Both go in the operator's overrides file when a channel closes on them.
/// </summary>
internal static class ArgentinaHolidays
{
    private const string Law27399Fixed = "Ley 27.399, art. 2 (inamovible; the same date under the earlier laws)";
    private const string Law27399Moved = "Ley 27.399, art. 6 (trasladable: Tue/Wed to the previous Monday, Thu/Fri to the next)";
    private const string Law23555Moved = "Ley 23.555, art. 6 (trasladable: Tue/Wed to the previous Monday, Thu/Fri to the next)";
    private const string Decree1584 = "Decreto 1584/2010, art. 1 (trasladable on a fixed Monday)";

    /// <summary>Every rule, with its source and years.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "Año Nuevo", Law27399Fixed, y => new DateOnly(y, 1, 1)),
        HolidayRule.From(2011, "Carnaval (lunes)", "Decreto 1584/2010, art. 1; Ley 27.399, art. 2", y => Computus.EasterSunday(y).AddDays(-48)),
        HolidayRule.From(2011, "Carnaval (martes)", "Decreto 1584/2010, art. 1; Ley 27.399, art. 2", y => Computus.EasterSunday(y).AddDays(-47)),
        HolidayRule.From(2006, "Día Nacional de la Memoria por la Verdad y la Justicia", "Ley 26.085; Ley 27.399, art. 2", y => new DateOnly(y, 3, 24)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día del Veterano y de los Caídos en la Guerra de Malvinas", Law27399Fixed + "; fixed here before 2011 too", y => new DateOnly(y, 4, 2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Viernes Santo", Law27399Fixed, y => Computus.EasterSunday(y).AddDays(-2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día del Trabajador", Law27399Fixed, y => new DateOnly(y, 5, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de la Revolución de Mayo", Law27399Fixed, y => new DateOnly(y, 5, 25)),
        HolidayRule.Between(2016, 2017, "Paso a la Inmortalidad del General Güemes", "Ley 27.258 (on its date)", y => new DateOnly(y, 6, 17)),
        HolidayRule.From(2018, "Paso a la Inmortalidad del General Güemes", Law27399Moved, y => MoveToNearMonday(new DateOnly(y, 6, 17))),
        HolidayRule.Between(BusinessCalendars.MinYear, 2010, "Paso a la Inmortalidad del General Belgrano", Law23555Moved, y => MoveToNearMonday(new DateOnly(y, 6, 20))),
        HolidayRule.From(2011, "Paso a la Inmortalidad del General Belgrano", "Decreto 1584/2010, art. 1; Ley 27.399, art. 2 (inamovible)", y => new DateOnly(y, 6, 20)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de la Independencia", Law27399Fixed, y => new DateOnly(y, 7, 9)),
        HolidayRule.Between(BusinessCalendars.MinYear, 2010, "Paso a la Inmortalidad del General San Martín", Law23555Moved, y => MoveToNearMonday(new DateOnly(y, 8, 17))),
        HolidayRule.Between(2011, 2017, "Paso a la Inmortalidad del General San Martín", Decree1584 + ": 3rd Monday of August", y => DateRules.NthWeekdayOfMonth(y, 8, DayOfWeek.Monday, 3)),
        HolidayRule.From(2018, "Paso a la Inmortalidad del General San Martín", Law27399Moved, y => MoveToNearMonday(new DateOnly(y, 8, 17))),
        HolidayRule.Between(BusinessCalendars.MinYear, 2010, "Día del Respeto a la Diversidad Cultural", Law23555Moved, y => MoveToNearMonday(new DateOnly(y, 10, 12))),
        HolidayRule.Between(2011, 2017, "Día del Respeto a la Diversidad Cultural", Decree1584 + ": 2nd Monday of October", y => DateRules.NthWeekdayOfMonth(y, 10, DayOfWeek.Monday, 2)),
        HolidayRule.From(2018, "Día del Respeto a la Diversidad Cultural", Law27399Moved, y => MoveToNearMonday(new DateOnly(y, 10, 12))),
        HolidayRule.Between(2010, 2016, "Día de la Soberanía Nacional", Decree1584 + ": 4th Monday of November", y => DateRules.NthWeekdayOfMonth(y, 11, DayOfWeek.Monday, 4)),
        HolidayRule.From(2017, "Día de la Soberanía Nacional", Law27399Moved, y => MoveToNearMonday(new DateOnly(y, 11, 20))),
        HolidayRule.From(BusinessCalendars.MinYear, "Inmaculada Concepción de María", Law27399Fixed, y => new DateOnly(y, 12, 8)),
        HolidayRule.From(BusinessCalendars.MinYear, "Navidad", Law27399Fixed, y => new DateOnly(y, 12, 25)),
    ];

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
}
