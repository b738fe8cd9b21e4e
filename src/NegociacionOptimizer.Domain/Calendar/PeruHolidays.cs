namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Peru (PE) national holidays: Decreto Legislativo 713 (1991) art. 6 and the laws that added days to it. Holidays are
/// never moved. Días no laborables decreed for the public sector are optional for private employers and are excluded.
/// </summary>
internal static class PeruHolidays
{
    private const string Dl713 = "Decreto Legislativo 713, art. 6";

    /// <summary>Every rule, with its source and years (a later law's first year is the first holiday after it was published).</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "Año Nuevo", Dl713, y => new DateOnly(y, 1, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Jueves Santo", Dl713, y => Computus.EasterSunday(y).AddDays(-3)),
        HolidayRule.From(BusinessCalendars.MinYear, "Viernes Santo", Dl713, y => Computus.EasterSunday(y).AddDays(-2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día del Trabajo", Dl713, y => new DateOnly(y, 5, 1)),
        HolidayRule.From(2024, "Batalla de Arica y Día de la Bandera", "Ley 31.788", y => new DateOnly(y, 6, 7)),
        HolidayRule.From(BusinessCalendars.MinYear, "San Pedro y San Pablo", Dl713, y => new DateOnly(y, 6, 29)),
        HolidayRule.From(2023, "Día de la Fuerza Aérea del Perú", "Ley 31.822", y => new DateOnly(y, 7, 23)),
        HolidayRule.From(BusinessCalendars.MinYear, "Fiestas Patrias (28 de julio)", Dl713, y => new DateOnly(y, 7, 28)),
        HolidayRule.From(BusinessCalendars.MinYear, "Fiestas Patrias (29 de julio)", Dl713, y => new DateOnly(y, 7, 29)),
        HolidayRule.From(2022, "Batalla de Junín", "Ley 31.530", y => new DateOnly(y, 8, 6)),
        HolidayRule.From(BusinessCalendars.MinYear, "Santa Rosa de Lima", Dl713, y => new DateOnly(y, 8, 30)),
        HolidayRule.From(BusinessCalendars.MinYear, "Combate de Angamos", Dl713, y => new DateOnly(y, 10, 8)),
        HolidayRule.From(BusinessCalendars.MinYear, "Todos los Santos", Dl713, y => new DateOnly(y, 11, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Inmaculada Concepción", Dl713, y => new DateOnly(y, 12, 8)),
        HolidayRule.From(2022, "Batalla de Ayacucho", "Ley 31.381", y => new DateOnly(y, 12, 9)),
        HolidayRule.From(BusinessCalendars.MinYear, "Navidad", Dl713, y => new DateOnly(y, 12, 25)),
    ];
}
