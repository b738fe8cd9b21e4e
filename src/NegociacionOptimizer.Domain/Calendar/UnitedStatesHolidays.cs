namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// United States (US) federal holidays: 5 U.S.C. 6103, observed by OPM's rule (5 U.S.C. 6103(b), Executive Order 11582):
/// a holiday on Saturday is observed the preceding Friday, one on Sunday the following Monday. Only the observed days
/// off are listed, so New Year's Day of the next year can yield 31 December. Inauguration Day (DC area only) and one-off
/// presidential closures are excluded.
/// </summary>
internal static class UnitedStatesHolidays
{
    private const string Usc6103 = "5 U.S.C. 6103(a)";
    private const string Observed6103 = "5 U.S.C. 6103(a), observed by 6103(b) and Executive Order 11582";

    /// <summary>Every rule, with its source and years.</summary>
    public static IReadOnlyList<HolidayRule> Rules { get; } =
    [
        HolidayRule.From(BusinessCalendars.MinYear, "New Year's Day", Observed6103, y => Observed(new DateOnly(y, 1, 1))),
        HolidayRule.From(BusinessCalendars.MinYear, "New Year's Day of the next year (observed on 31 December)", Observed6103, y => Observed(new DateOnly(y + 1, 1, 1))),
        HolidayRule.From(BusinessCalendars.MinYear, "Birthday of Martin Luther King, Jr.", Usc6103 + ": 3rd Monday of January", y => DateRules.NthWeekdayOfMonth(y, 1, DayOfWeek.Monday, 3)),
        HolidayRule.From(BusinessCalendars.MinYear, "Washington's Birthday", Usc6103 + ": 3rd Monday of February", y => DateRules.NthWeekdayOfMonth(y, 2, DayOfWeek.Monday, 3)),
        HolidayRule.From(BusinessCalendars.MinYear, "Memorial Day", Usc6103 + ": last Monday of May", y => DateRules.LastWeekdayOfMonth(y, 5, DayOfWeek.Monday)),
        HolidayRule.From(2021, "Juneteenth National Independence Day", Observed6103 + "; Public Law 117-17", y => Observed(new DateOnly(y, 6, 19))),
        HolidayRule.From(BusinessCalendars.MinYear, "Independence Day", Observed6103, y => Observed(new DateOnly(y, 7, 4))),
        HolidayRule.From(BusinessCalendars.MinYear, "Labor Day", Usc6103 + ": 1st Monday of September", y => DateRules.NthWeekdayOfMonth(y, 9, DayOfWeek.Monday, 1)),
        HolidayRule.From(BusinessCalendars.MinYear, "Columbus Day", Usc6103 + ": 2nd Monday of October", y => DateRules.NthWeekdayOfMonth(y, 10, DayOfWeek.Monday, 2)),
        HolidayRule.From(BusinessCalendars.MinYear, "Veterans Day", Observed6103, y => Observed(new DateOnly(y, 11, 11))),
        HolidayRule.From(BusinessCalendars.MinYear, "Thanksgiving Day", Usc6103 + ": 4th Thursday of November", y => DateRules.NthWeekdayOfMonth(y, 11, DayOfWeek.Thursday, 4)),
        HolidayRule.From(BusinessCalendars.MinYear, "Christmas Day", Observed6103, y => Observed(new DateOnly(y, 12, 25))),
    ];

    /// <summary>OPM: Saturday holidays are observed on Friday, Sunday holidays on Monday.</summary>
    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
