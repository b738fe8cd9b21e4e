namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Colombia (CO) holidays. Ley 51 de 1983 ("Ley Emiliani") lists them (art. 1) and moves most of them to the following
/// Monday when they do not fall on one (art. 1, parágrafo); Ley 2578 de 2026 adds Nuestra Señora del Rosario de
/// Chiquinquirá (9 Jul), moved the same way, from 2026 (see docs/CALENDARS.md for how it was confirmed).
/// </summary>
internal static class ColombiaHolidays
{
    private const string Law51Fixed = "Ley 51 de 1983, art. 1 (on its date)";
    private const string Law51Moved = "Ley 51 de 1983, art. 1 (moved to the next Monday unless it is one)";

    /// <summary>Every rule, with its source and years.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "Año Nuevo", Law51Fixed, y => new DateOnly(y, 1, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de los Reyes Magos", Law51Moved, y => Emiliani(new DateOnly(y, 1, 6))),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de San José", Law51Moved, y => Emiliani(new DateOnly(y, 3, 19))),
        HolidayRule.From(BusinessCalendars.MinYear, "Jueves Santo", Law51Fixed, y => Computus.EasterSunday(y).AddDays(-3)),
        HolidayRule.From(BusinessCalendars.MinYear, "Viernes Santo", Law51Fixed, y => Computus.EasterSunday(y).AddDays(-2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día del Trabajo", Law51Fixed, y => new DateOnly(y, 5, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Ascensión del Señor", Law51Moved, y => Emiliani(Computus.EasterSunday(y).AddDays(39))),
        HolidayRule.From(BusinessCalendars.MinYear, "Corpus Christi", Law51Moved, y => Emiliani(Computus.EasterSunday(y).AddDays(60))),
        HolidayRule.From(BusinessCalendars.MinYear, "Sagrado Corazón de Jesús", Law51Moved, y => Emiliani(Computus.EasterSunday(y).AddDays(68))),
        HolidayRule.From(BusinessCalendars.MinYear, "San Pedro y San Pablo", Law51Moved, y => Emiliani(new DateOnly(y, 6, 29))),
        HolidayRule.From(2026, "Nuestra Señora del Rosario de Chiquinquirá", "Ley 2578 de 2026 (1 Jun 2026), moved as Ley 51 de 1983 art. 1", y => Emiliani(new DateOnly(y, 7, 9))),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de la Independencia", Law51Fixed, y => new DateOnly(y, 7, 20)),
        HolidayRule.From(BusinessCalendars.MinYear, "Batalla de Boyacá", Law51Fixed, y => new DateOnly(y, 8, 7)),
        HolidayRule.From(BusinessCalendars.MinYear, "Asunción de la Virgen", Law51Moved, y => Emiliani(new DateOnly(y, 8, 15))),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de la Raza", Law51Moved, y => Emiliani(new DateOnly(y, 10, 12))),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de Todos los Santos", Law51Moved, y => Emiliani(new DateOnly(y, 11, 1))),
        HolidayRule.From(BusinessCalendars.MinYear, "Independencia de Cartagena", Law51Moved, y => Emiliani(new DateOnly(y, 11, 11))),
        HolidayRule.From(BusinessCalendars.MinYear, "Inmaculada Concepción", Law51Fixed, y => new DateOnly(y, 12, 8)),
        HolidayRule.From(BusinessCalendars.MinYear, "Navidad", Law51Fixed, y => new DateOnly(y, 12, 25)),
    ];

    /// <summary>Ley 51 de 1983 art. 1: the holiday is observed on the next Monday unless it already is one.</summary>
    private static DateOnly Emiliani(DateOnly date) => DateRules.OnOrAfter(date, DayOfWeek.Monday);
}
