namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Chile (CL) national holidays. Sources: Ley 2.977 (base list), Ley 19.668 (29 Jun, 12 Oct and,
/// until 2006, Corpus Christi move to a Monday), Ley 19.973 (irrenunciable holidays),
/// Ley 20.148 (16 Jul replaces Corpus Christi from 2007), Ley 20.215 (17 Sep when Monday,
/// 20 Sep when Friday, from 2007), Ley 20.299 (31 Oct from 2008), Ley 20.983 (2 Jan when Monday,
/// from 2017) and Ley 21.357 (Pueblos Indígenas on the winter-solstice day, from 2021).
/// Election and census days, one-off laws (e.g. 17 Sep 2021) and the 31 Dec bank holiday are
/// excluded.
/// </summary>
internal static class ChileHolidays
{
    /// <summary>Continental Chile keeps UTC−4 in June (winter time).</summary>
    private static readonly TimeSpan ChileWinterOffset = TimeSpan.FromHours(-4);

    /// <summary>Holidays falling in <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> For(int year)
    {
        var easter = Computus.EasterSunday(year);
        yield return new DateOnly(year, 1, 1);
        var january2 = new DateOnly(year, 1, 2);
        if (year >= 2017 && january2.DayOfWeek == DayOfWeek.Monday)
        {
            yield return january2;
        }

        yield return easter.AddDays(-2);
        yield return easter.AddDays(-1);
        yield return new DateOnly(year, 5, 1);
        yield return new DateOnly(year, 5, 21);
        if (year >= 2021)
        {
            yield return IndigenousPeoplesDay(year);
        }

        if (year <= 2006)
        {
            yield return MoveToMonday(easter.AddDays(60));
        }

        yield return MoveToMonday(new DateOnly(year, 6, 29));
        if (year >= 2007)
        {
            yield return new DateOnly(year, 7, 16);
        }

        yield return new DateOnly(year, 8, 15);
        foreach (var date in NationalDays(year))
        {
            yield return date;
        }

        yield return MoveToMonday(new DateOnly(year, 10, 12));
        if (year >= 2008)
        {
            yield return ReformationDay(year);
        }

        yield return new DateOnly(year, 11, 1);
        yield return new DateOnly(year, 12, 8);
        yield return new DateOnly(year, 12, 25);
    }

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

    /// <summary>
    /// Ley 21.357: the day of the southern winter solstice, in continental Chile time. Its
    /// transitory rule fixed Monday 21 June for 2021.
    /// </summary>
    internal static DateOnly IndigenousPeoplesDay(int year) =>
        year == 2021
            ? new DateOnly(2021, 6, 21)
            : DateOnly.FromDateTime(JuneSolstice.Utc(year) + ChileWinterOffset);

    /// <summary>Fiestas Patrias: 18 and 19 Sep, plus 17 Sep when Monday and 20 Sep when Friday (Ley 20.215).</summary>
    private static IEnumerable<DateOnly> NationalDays(int year)
    {
        var september17 = new DateOnly(year, 9, 17);
        var september20 = new DateOnly(year, 9, 20);
        if (year >= 2007 && september17.DayOfWeek == DayOfWeek.Monday)
        {
            yield return september17;
        }

        yield return new DateOnly(year, 9, 18);
        yield return new DateOnly(year, 9, 19);
        if (year >= 2007 && september20.DayOfWeek == DayOfWeek.Friday)
        {
            yield return september20;
        }
    }

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
