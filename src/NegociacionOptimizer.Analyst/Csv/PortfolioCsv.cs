using System.Globalization;
using CsvHelper;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Analyst.Csv;

/// <summary>
/// Portfolio CSV: one account and what its contact found per row, comma-separated, header row first, UTF-8.
/// Money in integer minor units; an empty cell is "not given". Lines starting with # are comments.
/// <list type="table">
/// <item><term>account_id</term><description>the account's id, unique in the file</description></item>
/// <item><term>currency</term><description>ISO-4217 code, e.g. COP</description></item>
/// <item><term>principal_minor, interest_minor, fees_minor</term><description>balance breakdown, ≥ 0</description></item>
/// <item><term>days_past_due</term><description>≥ 0</description></item>
/// <item><term>as_of</term><description>valuation date, YYYY-MM-DD</description></item>
/// <item><term>monthly_income_minor, monthly_essential_expenses_minor, monthly_other_debt_payments_minor</term>
/// <description>income-based capacity; may be empty</description></item>
/// <item><term>stated_monthly_capacity_minor</term><description>what the person says they can pay a month; may be empty</description></item>
/// <item><term>lump_sum_available_minor</term><description>what the person can pay today, ≥ 0</description></item>
/// <item><term>income_frequency</term><description>FREQUENCY_MONTHLY, FREQUENCY_BIWEEKLY or FREQUENCY_WEEKLY</description></item>
/// <item><term>pay_day</term><description>day of month 1..31, or a weekday such as WEEKDAY_FRIDAY</description></item>
/// <item><term>reason</term><description>REASON_JOB_LOSS, REASON_INCOME_REDUCTION, REASON_ILLNESS,
/// REASON_OVER_INDEBTEDNESS, REASON_FORGOT, REASON_DISPUTE, REASON_FRAUD_CLAIM or REASON_OTHER</description></item>
/// </list>
/// </summary>
internal static class PortfolioCsv
{
    public static readonly string[] Columns =
    [
        "account_id", "currency", "principal_minor", "interest_minor", "fees_minor", "days_past_due", "as_of",
        "monthly_income_minor", "monthly_essential_expenses_minor", "monthly_other_debt_payments_minor",
        "stated_monthly_capacity_minor", "lump_sum_available_minor", "income_frequency", "pay_day", "reason",
    ];

    private const string DateFormat = "yyyy-MM-dd";

    public static void Write(TextWriter writer, IEnumerable<PortfolioAccount> accounts)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(Columns);
        foreach (var (id, a, q) in accounts)
        {
            csv.WriteField(id);
            csv.WriteField(a.Currency.Code);
            csv.WriteField(Text(a.PrincipalMinor));
            csv.WriteField(Text(a.InterestMinor));
            csv.WriteField(Text(a.FeesMinor));
            csv.WriteField(Text(a.DaysPastDue));
            csv.WriteField(a.AsOf.ToString(DateFormat, CultureInfo.InvariantCulture));
            csv.WriteField(Text(q.MonthlyIncomeMinor));
            csv.WriteField(Text(q.EssentialExpensesMinor));
            csv.WriteField(Text(q.OtherDebtPaymentsMinor));
            csv.WriteField(Text(q.StatedMonthlyCapacityMinor));
            csv.WriteField(Text(q.LumpSumMinor));
            csv.WriteField(EnumNames.Name(q.IncomeFrequency));
            csv.WriteField(q.PayDay.DayOfMonth is { } day
                ? day.ToString(CultureInfo.InvariantCulture)
                : EnumNames.Name(q.PayDay.Weekday ?? DayOfWeek.Friday));
            csv.WriteField(EnumNames.Name(q.Reason));
            csv.EndRecord();
        }
    }

    /// <exception cref="FormatException">A cell is missing or malformed; the message names the line and column.</exception>
    public static IReadOnlyList<PortfolioAccount> Read(TextReader reader) => [.. Stream(reader)];

    /// <summary>The accounts one at a time, as they are read (for portfolios too large to hold).</summary>
    /// <exception cref="FormatException">A cell is missing or malformed; the message names the line and column.</exception>
    public static IEnumerable<PortfolioAccount> Stream(TextReader reader)
    {
        using var csv = CsvReader.Create(reader, CsvRows.Options, leaveOpen: true);
        var rows = new CsvRows(csv, Columns);
        while (rows.Next())
        {
            var currency = rows.Get("currency", code => Currency.TryFromCode(code, out var c) ? c : throw new FormatException($"unsupported currency '{code}'"));
            var id = rows.Get("account_id", s => s.Length > 0 ? s : throw new FormatException("empty"));
            var account = new Account(
                id,
                currency,
                rows.Get("principal_minor", Long),
                rows.Get("interest_minor", Long),
                rows.Get("fees_minor", Long),
                rows.Get("days_past_due", s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)),
                rows.Get("as_of", s => DateOnly.ParseExact(s, DateFormat, CultureInfo.InvariantCulture)));
            var inquiry = new Inquiry(
                rows.Optional("monthly_income_minor", Long),
                rows.Optional("monthly_essential_expenses_minor", Long),
                rows.Optional("monthly_other_debt_payments_minor", Long),
                rows.Optional("stated_monthly_capacity_minor", Long),
                rows.Optional("lump_sum_available_minor", Long) ?? 0,
                rows.Get("income_frequency", EnumNames.ParseFrequency),
                rows.Get("pay_day", ParsePayDay),
                rows.Get("reason", EnumNames.ParseReason));
            yield return new PortfolioAccount(id, account, inquiry);
        }
    }

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static long Long(string s) => long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static PayDay ParsePayDay(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? day is >= 1 and <= 31 ? PayDay.OfMonth(day) : throw new FormatException("day of month must be 1..31")
            : PayDay.OnWeekday(EnumNames.ParseWeekday(s));
}
