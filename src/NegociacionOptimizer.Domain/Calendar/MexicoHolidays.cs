namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Mexico (MX) mandatory rest days: Ley Federal del Trabajo art. 74, with the Monday rule of the reform published in the
/// DOF on 17 Jan 2006, and the day the federal Executive changes hands (1 Dec until 2018; 1 Oct every six years from
/// 2024, Constitución art. 83 as reformed in 2014). Bank-only closing days (CNBV: Holy Thursday/Friday, 2 Nov, 12 Dec)
/// and local election days are not LFT rest days and are excluded.
/// </summary>
internal static class MexicoHolidays
{
    private const string Lft = "Ley Federal del Trabajo, art. 74";
    private const string Lft2006 = "Ley Federal del Trabajo, art. 74 (Monday rule, DOF 17 Jan 2006)";

    /// <summary>Every rule, with its source and years.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "Año Nuevo", Lft, y => new DateOnly(y, 1, 1)),
        HolidayRule.Between(BusinessCalendars.MinYear, 2005, "Día de la Constitución", Lft, y => new DateOnly(y, 2, 5)),
        HolidayRule.From(2006, "Día de la Constitución", Lft2006 + ": 1st Monday of February", y => DateRules.NthWeekdayOfMonth(y, 2, DayOfWeek.Monday, 1)),
        HolidayRule.Between(BusinessCalendars.MinYear, 2005, "Natalicio de Benito Juárez", Lft, y => new DateOnly(y, 3, 21)),
        HolidayRule.From(2006, "Natalicio de Benito Juárez", Lft2006 + ": 3rd Monday of March", y => DateRules.NthWeekdayOfMonth(y, 3, DayOfWeek.Monday, 3)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día del Trabajo", Lft, y => new DateOnly(y, 5, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de la Independencia", Lft, y => new DateOnly(y, 9, 16)),
        HolidayRule.Between(BusinessCalendars.MinYear, 2005, "Día de la Revolución", Lft, y => new DateOnly(y, 11, 20)),
        HolidayRule.From(2006, "Día de la Revolución", Lft2006 + ": 3rd Monday of November", y => DateRules.NthWeekdayOfMonth(y, 11, DayOfWeek.Monday, 3)),
        HolidayRule.Between(BusinessCalendars.MinYear, 2018, "Transmisión del Poder Ejecutivo Federal", Lft + ", fr. VIII (1 Dec, every six years from 2000)", y => (y - 2000) % 6 == 0 ? new DateOnly(y, 12, 1) : null),
        HolidayRule.From(2024, "Transmisión del Poder Ejecutivo Federal", Lft + ", fr. VIII; Constitución, art. 83 (1 Oct, every six years from 2024)", y => (y - 2024) % 6 == 0 ? new DateOnly(y, 10, 1) : null),
        HolidayRule.From(BusinessCalendars.MinYear, "Navidad", Lft, y => new DateOnly(y, 12, 25)),
    ];
}
