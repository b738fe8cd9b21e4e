using System.Collections.Frozen;
using System.Globalization;

namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// A business calendar whose holidays come from a country's rules (and, optionally, an operator's dated overrides).
/// Each year is computed once, lazily and lock-free, into a table that answers both queries with a single array lookup.
/// Immutable after construction apart from that idempotent cache, hence thread-safe.
/// </summary>
internal sealed class RuleBasedCalendar : IBusinessCalendar
{
    private readonly Func<int, IEnumerable<DateOnly>> holidayRule;

    // One slot per year from MinYear to MaxYear + 1: the extra year lets the last supported
    // year roll over into January of the next.
    private readonly YearTable?[] years = new YearTable?[BusinessCalendars.MaxYear - BusinessCalendars.MinYear + 2];

    /// <summary>Creates the calendar of <paramref name="country"/> from its rules.</summary>
    /// <param name="country">ISO-3166 alpha-2 code.</param>
    /// <param name="rules">The country's holiday rules; dates a rule gives outside the year asked are ignored.</param>
    public RuleBasedCalendar(string country, IReadOnlyList<HolidayRule> rules)
        : this(country, rules, year => HolidayRule.DatesIn(rules, year))
    {
    }

    private RuleBasedCalendar(string country, IReadOnlyList<HolidayRule> rules, Func<int, IEnumerable<DateOnly>> holidayRule)
    {
        Country = country;
        Rules = rules;
        this.holidayRule = holidayRule;
    }

    /// <summary>The country's holiday rules, with their sources and years.</summary>
    public IReadOnlyList<HolidayRule> Rules { get; }

    /// <inheritdoc />
    public string Country { get; }

    /// <inheritdoc />
    public bool IsBusinessDay(DateOnly date) => Table(SupportedYear(date)).IsBusinessDay(date);

    /// <inheritdoc />
    public DateOnly NextBusinessDayOnOrAfter(DateOnly date) =>
        Table(SupportedYear(date)).NextBusinessDayOnOrAfter(date)
        ?? Table(date.Year + 1).NextBusinessDayOnOrAfter(new DateOnly(date.Year + 1, 1, 1))
        ?? throw new InvalidOperationException("A year without business days cannot exist.");

    /// <summary>The public holidays falling in <paramref name="year"/> (weekend ones included).</summary>
    internal FrozenSet<DateOnly> HolidaysIn(int year) => Table(SupportedYear(new DateOnly(year, 1, 1))).Holidays;

    /// <summary>
    /// This calendar with <paramref name="added"/> holidays added and <paramref name="removed"/> ones taken away (an
    /// operator's overrides, already checked); the rules are kept for reference.
    /// </summary>
    internal RuleBasedCalendar With(IReadOnlySet<DateOnly> added, IReadOnlySet<DateOnly> removed) =>
        new(Country, Rules, year => holidayRule(year).Where(d => !removed.Contains(d)).Concat(added.Where(d => d.Year == year)));

    private static int SupportedYear(DateOnly date) =>
        date.Year is >= BusinessCalendars.MinYear and <= BusinessCalendars.MaxYear
            ? date.Year
            : throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Business calendars cover {BusinessCalendars.MinYear}–{BusinessCalendars.MaxYear}."));

    private YearTable Table(int year)
    {
        ref var slot = ref years[year - BusinessCalendars.MinYear];
        var table = Volatile.Read(ref slot);
        if (table is not null)
        {
            return table;
        }

        var built = new YearTable(year, holidayRule(year));
        return Interlocked.CompareExchange(ref slot, built, null) ?? built;
    }

    /// <summary>Holidays and next-business-day answers for every day of one year.</summary>
    private sealed class YearTable
    {
        private const int NoneThisYear = -1;
        private readonly int firstDayNumber;

        // DayNumber of the first business day on or after each day of the year, or NoneThisYear.
        private readonly int[] nextBusinessDay;

        public YearTable(int year, IEnumerable<DateOnly> holidays)
        {
            var first = new DateOnly(year, 1, 1);
            firstDayNumber = first.DayNumber;
            Holidays = holidays.Where(d => d.Year == year).ToFrozenSet();
            nextBusinessDay = new int[DateTime.IsLeapYear(year) ? 366 : 365];
            var next = NoneThisYear;
            for (var i = nextBusinessDay.Length - 1; i >= 0; i--)
            {
                var day = first.AddDays(i);
                if (!DateRules.IsWeekend(day) && !Holidays.Contains(day))
                {
                    next = day.DayNumber;
                }

                nextBusinessDay[i] = next;
            }
        }

        public FrozenSet<DateOnly> Holidays { get; }

        public bool IsBusinessDay(DateOnly date) =>
            nextBusinessDay[date.DayNumber - firstDayNumber] == date.DayNumber;

        public DateOnly? NextBusinessDayOnOrAfter(DateOnly date)
        {
            var next = nextBusinessDay[date.DayNumber - firstDayNumber];
            return next == NoneThisYear ? null : DateOnly.FromDayNumber(next);
        }
    }
}
