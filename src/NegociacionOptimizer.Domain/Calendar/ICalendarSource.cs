using System.Diagnostics.CodeAnalysis;

namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>Where a country's business calendar comes from: the built-in rules, or those with an operator's overrides.</summary>
public interface ICalendarSource
{
    /// <summary>Finds the calendar of <paramref name="country"/> (ISO-3166 alpha-2, case-insensitive).</summary>
    /// <returns>False when the country is not supported.</returns>
    bool TryGet(string country, [MaybeNullWhen(false)] out IBusinessCalendar calendar);
}
