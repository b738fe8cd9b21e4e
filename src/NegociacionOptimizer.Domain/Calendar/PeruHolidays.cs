namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Peru (PE) national holidays. Source: Decreto Legislativo 713 (1991) art. 6, as amended by
/// Ley 31.381 (9 Dec, from 2022), Ley 31.530 (6 Aug, from 2022), Ley 31.822 (23 Jul, from 2023)
/// and Ley 31.788 (7 Jun, from 2024). Holidays are never moved. Días no laborables decreed for
/// the public sector are excluded.
/// </summary>
internal static class PeruHolidays
{
    /// <summary>Holidays falling in <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        var easter = Computus.EasterSunday(year);
        yield return new DateOnly(year, 1, 1);
        yield return easter.AddDays(-3);
        yield return easter.AddDays(-2);
        yield return new DateOnly(year, 5, 1);
        if (year >= 2024)
        {
            yield return new DateOnly(year, 6, 7);
        }

        yield return new DateOnly(year, 6, 29);
        if (year >= 2023)
        {
            yield return new DateOnly(year, 7, 23);
        }

        yield return new DateOnly(year, 7, 28);
        yield return new DateOnly(year, 7, 29);
        if (year >= 2022)
        {
            yield return new DateOnly(year, 8, 6);
        }

        yield return new DateOnly(year, 8, 30);
        yield return new DateOnly(year, 10, 8);
        yield return new DateOnly(year, 11, 1);
        yield return new DateOnly(year, 12, 8);
        if (year >= 2022)
        {
            yield return new DateOnly(year, 12, 9);
        }

        yield return new DateOnly(year, 12, 25);
    }
}
