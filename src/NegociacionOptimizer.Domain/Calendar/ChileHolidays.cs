namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Chile (CL) national feriados, each rule with its law: Ley 2.977 (base list), Ley 19.668 (29 Jun, 12 Oct and, until
/// 2006, Corpus Christi move to a Monday), Ley 20.148, Ley 20.215, Ley 20.299, Ley 20.983 and Ley 21.357. Election and
/// census days, one-off laws and the 31 Dec bank holiday (Ley 21.791) are excluded.
/// </summary>
internal static class ChileHolidays
{
    private const string Law2977 = "Ley 2.977 (the same date under its later amendments)";
    private const string Law19668 = "Ley 19.668 (Tue–Thu to the Monday of that week, Fri to the next Monday)";

    /// <summary>Continental Chile keeps UTC−4 in June (winter time).</summary>
    private static readonly TimeSpan ChileWinterOffset = TimeSpan.FromHours(-4);

    /// <summary>Every rule, with its source and years.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "Año Nuevo", Law2977, y => new DateOnly(y, 1, 1)),
        HolidayRule.From(2017, "Feriado del 2 de enero (1 de enero en domingo)", "Ley 20.983", y => When(new DateOnly(y, 1, 2), DayOfWeek.Monday)),
        HolidayRule.From(BusinessCalendars.MinYear, "Viernes Santo", Law2977, y => Computus.EasterSunday(y).AddDays(-2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Sábado Santo", Law2977, y => Computus.EasterSunday(y).AddDays(-1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día Nacional del Trabajo", Law2977 + "; Ley 19.973 (irrenunciable)", y => new DateOnly(y, 5, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de las Glorias Navales", Law2977, y => new DateOnly(y, 5, 21)),
        HolidayRule.From(2021, "Día Nacional de los Pueblos Indígenas", "Ley 21.357 (winter solstice; 21 Jun by its transitory article in 2021)", y => IndigenousPeoplesDay(y)),
        HolidayRule.Between(BusinessCalendars.MinYear, 2006, "Corpus Christi", Law19668, y => MoveToMonday(Computus.EasterSunday(y).AddDays(60))),
        HolidayRule.From(BusinessCalendars.MinYear, "San Pedro y San Pablo", Law19668, y => MoveToMonday(new DateOnly(y, 6, 29))),
        HolidayRule.From(2007, "Día de la Virgen del Carmen", "Ley 20.148", y => new DateOnly(y, 7, 16)),
        HolidayRule.From(BusinessCalendars.MinYear, "Asunción de la Virgen", Law2977, y => new DateOnly(y, 8, 15)),
        HolidayRule.From(2007, "Fiestas Patrias (17 de septiembre en lunes)", "Ley 20.215", y => When(new DateOnly(y, 9, 17), DayOfWeek.Monday)),
        HolidayRule.From(2017, "Fiestas Patrias (17 de septiembre en viernes: 18 y 19 en fin de semana)", "Ley 20.983", y => When(new DateOnly(y, 9, 17), DayOfWeek.Friday)),
        HolidayRule.From(BusinessCalendars.MinYear, "Independencia Nacional", Law2977 + "; Ley 19.973 (irrenunciable)", y => new DateOnly(y, 9, 18)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de las Glorias del Ejército", Law2977 + "; Ley 19.973 (irrenunciable)", y => new DateOnly(y, 9, 19)),
        HolidayRule.From(2007, "Fiestas Patrias (20 de septiembre en viernes)", "Ley 20.215", y => When(new DateOnly(y, 9, 20), DayOfWeek.Friday)),
        HolidayRule.From(BusinessCalendars.MinYear, "Encuentro de Dos Mundos", Law19668, y => MoveToMonday(new DateOnly(y, 10, 12))),
        HolidayRule.From(2008, "Día Nacional de las Iglesias Evangélicas y Protestantes", "Ley 20.299 (Tue to the previous Friday, Wed to the next)", y => ReformationDay(y)),
        HolidayRule.From(BusinessCalendars.MinYear, "Día de Todos los Santos", Law2977, y => new DateOnly(y, 11, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Inmaculada Concepción", Law2977, y => new DateOnly(y, 12, 8)),
        HolidayRule.From(BusinessCalendars.MinYear, "Navidad", Law2977 + "; Ley 19.973 (irrenunciable)", y => new DateOnly(y, 12, 25)),
    ];

    /// <summary>
    /// Ley 21.357: the day of the southern winter solstice, in continental Chile time. Its
    /// transitory rule fixed Monday 21 June for 2021.
    /// </summary>
    internal static DateOnly IndigenousPeoplesDay(int year) =>
        year == 2021
            ? new DateOnly(2021, 6, 21)
            : DateOnly.FromDateTime(JuneSolstice.Utc(year) + ChileWinterOffset);

    /// <summary>The date when it falls on <paramref name="day"/>, else none.</summary>
    private static DateOnly? When(DateOnly date, DayOfWeek day) => date.DayOfWeek == day ? date : null;

    /// <summary>
    /// Ley 19.668: Tuesday–Thursday move to the Monday of the same week, Friday to the following
    /// Monday; Saturday, Sunday and Monday stay.
    /// </summary>
    private static DateOnly MoveToMonday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday => date.AddDays(DayOfWeek.Monday - date.DayOfWeek),
        DayOfWeek.Friday => date.AddDays(3),
        _ => date,
    };

    /// <summary>Ley 20.299, 31 Oct: on Tuesday it moves to the previous Friday, on Wednesday to the next Friday.</summary>
    private static DateOnly ReformationDay(int year)
    {
        var date = new DateOnly(year, 10, 31);
        return date.DayOfWeek switch
        {
            DayOfWeek.Tuesday => date.AddDays(-4),
            DayOfWeek.Wednesday => date.AddDays(2),
            _ => date,
        };
    }
}
