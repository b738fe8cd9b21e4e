namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// One public-holiday rule of a country: what it is, the legal source that makes it a holiday (and moves it), and the
/// years it applies. Where a law changed a holiday's date rule, each version is its own rule with its own years.
/// </summary>
/// <param name="Name">The holiday's name in the country's language, e.g. "Día de la Independencia".</param>
/// <param name="Source">The legal source of this version of the rule, e.g. "Ley 51 de 1983, art. 1".</param>
/// <param name="ValidFrom">First year the rule applies (the calendars start in <see cref="BusinessCalendars.MinYear"/>).</param>
/// <param name="ValidTo">Last year the rule applies; null while it is in force.</param>
/// <param name="Date">The rule's date in a year it applies, or null when it gives none that year (a conditional holiday).</param>
public sealed record HolidayRule(string Name, string Source, int ValidFrom, int? ValidTo, Func<int, DateOnly?> Date)
{
    /// <summary>A rule in force from <paramref name="validFrom"/> on.</summary>
    public static HolidayRule From(int validFrom, string name, string source, Func<int, DateOnly?> date) =>
        new(name, source, validFrom, null, date);

    /// <summary>A rule that applied from <paramref name="validFrom"/> to <paramref name="validTo"/>, both included.</summary>
    public static HolidayRule Between(int validFrom, int validTo, string name, string source, Func<int, DateOnly?> date) =>
        new(name, source, validFrom, validTo, date);

    /// <summary>True when the rule applies in <paramref name="year"/>.</summary>
    public bool AppliesIn(int year) => year >= ValidFrom && (ValidTo is not { } to || year <= to);

    /// <summary>The holidays <paramref name="rules"/> give in <paramref name="year"/> (dates outside the year included).</summary>
    public static IEnumerable<DateOnly> DatesIn(IEnumerable<HolidayRule> rules, int year) =>
        rules.Where(r => r.AppliesIn(year)).Select(r => r.Date(year)).OfType<DateOnly>();
}
