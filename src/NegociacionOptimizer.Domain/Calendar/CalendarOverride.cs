namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// One dated change an operator makes to a country's calendar without a release, because decrees arrive at short notice.
/// </summary>
/// <param name="Country">ISO-3166 alpha-2 code of a supported country.</param>
/// <param name="Date">The date added or removed.</param>
/// <param name="Action">Add or remove.</param>
/// <param name="Name">The holiday's name, e.g. "Feriado puente turístico".</param>
/// <param name="Source">The legal source that decides it, e.g. "Decreto 1027/2024".</param>
public sealed record CalendarOverride(string Country, DateOnly Date, CalendarOverrideAction Action, string Name, string Source);
