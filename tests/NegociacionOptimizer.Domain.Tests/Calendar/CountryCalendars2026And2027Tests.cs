using static NegociacionOptimizer.Domain.Tests.Calendar.CalendarAssert;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

/// <summary>
/// Known 2026 and 2027 holidays of every country, checked against the published calendars (docs/CALENDARS.md lists the
/// sources), and days that look like holidays but are business days.
/// </summary>
public class CountryCalendars2026And2027Tests
{
    [Fact]
    public void Argentina_2026_and_2027_move_the_trasladables_and_keep_the_inamovibles()
    {
        AreHolidays("AR", "2026-02-16", "2026-02-17", "2026-03-24", "2026-06-15", "2026-11-23", "2027-06-21", "2027-08-16", "2027-10-11");
        // Días no laborables (Holy Thursday; the 2026 tourism days of Resolución 164/2025) are not feriados.
        AreNotHolidays("AR", "2026-03-23", "2026-07-10", "2026-12-07", "2027-03-25");
    }

    [Fact]
    public void Chile_2026_and_2027_include_Friday_17_September_by_Ley_20983()
    {
        AreHolidays("CL", "2026-06-29", "2026-10-12", "2027-06-28", "2027-09-17", "2027-10-11", "2021-09-17");
        AreNotHolidays("CL", "2026-09-17", "2015-09-17");
    }

    [Fact]
    public void Spain_2026_and_2027_national_holidays() =>
        AreHolidays("ES", "2026-01-06", "2026-04-03", "2026-10-12", "2026-12-08", "2027-03-26", "2027-11-01", "2027-12-06");

    [Fact]
    public void Mexico_2026_and_2027_use_the_Monday_rule()
    {
        AreHolidays("MX", "2026-02-02", "2026-03-16", "2026-11-16", "2027-02-01", "2027-03-15", "2027-11-15");
        AreNotHolidays("MX", "2026-02-05", "2026-03-21", "2027-11-20", "2026-10-01");
    }

    [Fact]
    public void Peru_2026_and_2027_include_the_holidays_added_since_2022() =>
        AreHolidays("PE", "2026-06-07", "2026-07-23", "2026-08-06", "2026-12-09", "2027-06-07", "2027-07-23", "2027-08-06", "2027-12-09");

    [Fact]
    public void United_States_2026_and_2027_observe_weekend_holidays_on_the_nearest_weekday()
    {
        AreHolidays("US", "2026-07-03", "2026-06-19", "2027-06-18", "2027-07-05", "2027-12-24", "2027-12-31");
        AreNotHolidays("US", "2027-12-27");
    }
}
