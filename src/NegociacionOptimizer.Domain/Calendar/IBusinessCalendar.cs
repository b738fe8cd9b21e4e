namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// A country's business days (días hábiles): weekends and public holidays are not business days.
/// Due dates that fall on a non-business day move to the next business day.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>ISO-3166 alpha-2 country code, e.g. "AR".</summary>
    string Country { get; }

    /// <summary>True when <paramref name="date"/> is neither a weekend day nor a public holiday.</summary>
    bool IsBusinessDay(DateOnly date);

    /// <summary>The first business day on or after <paramref name="date"/>.</summary>
    DateOnly NextBusinessDayOnOrAfter(DateOnly date);
}
