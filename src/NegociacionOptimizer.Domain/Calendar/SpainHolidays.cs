namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Spain (ES) national holidays: Estatuto de los Trabajadores art. 37.2 and Real Decreto 2001/1983 art. 45. Regional
/// and local holidays (including Holy Thursday, Easter Monday and the regions' Monday substitutes for holidays falling on
/// Sunday) vary by autonomous community and are excluded.
/// </summary>
internal static class SpainHolidays
{
    private const string NonReplaceable = "Real Decreto 2001/1983, art. 45.1; Estatuto de los Trabajadores, art. 37.2";
    private const string Replaceable = "Real Decreto 2001/1983, art. 45.1.d (a region may replace it; none has)";

    /// <summary>Every rule, with its source and years.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "Año Nuevo", NonReplaceable, y => new DateOnly(y, 1, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Epifanía del Señor", Replaceable, y => new DateOnly(y, 1, 6)),
        HolidayRule.From(BusinessCalendars.MinYear, "Viernes Santo", NonReplaceable, y => Computus.EasterSunday(y).AddDays(-2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Fiesta del Trabajo", NonReplaceable, y => new DateOnly(y, 5, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Asunción de la Virgen", NonReplaceable, y => new DateOnly(y, 8, 15)),
        HolidayRule.From(BusinessCalendars.MinYear, "Fiesta Nacional de España", NonReplaceable, y => new DateOnly(y, 10, 12)),
        HolidayRule.From(BusinessCalendars.MinYear, "Todos los Santos", NonReplaceable, y => new DateOnly(y, 11, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de la Constitución Española", NonReplaceable, y => new DateOnly(y, 12, 6)),
        HolidayRule.From(BusinessCalendars.MinYear, "Inmaculada Concepción", NonReplaceable, y => new DateOnly(y, 12, 8)),
        HolidayRule.From(BusinessCalendars.MinYear, "Natividad del Señor", NonReplaceable, y => new DateOnly(y, 12, 25)),
    ];
}
