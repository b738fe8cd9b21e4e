using System.Globalization;
using CsvHelper;
using NegociacionOptimizer.Analytics.Behaviour;

namespace NegociacionOptimizer.Analyst.Csv;

/// <summary>
/// Plan-history CSV: one past plan per row, comma-separated, header row first. Lines starting with # are comments.
/// <list type="table">
/// <item><term>burden</term><description>monthly equivalent installment over disposable income, a fraction (0.25 = 25 %)</description></item>
/// <item><term>reason</term><description>REASON_JOB_LOSS … REASON_OTHER, as in the proto</description></item>
/// <item><term>frequency</term><description>FREQUENCY_MONTHLY, FREQUENCY_BIWEEKLY or FREQUENCY_WEEKLY</description></item>
/// <item><term>grace_periods</term><description>periods before the first installment, ≥ 0</description></item>
/// <item><term>installments</term><description>installments the plan had, ≥ 1</description></item>
/// <item><term>installments_paid</term><description>paid before the plan broke, or all of them when completed</description></item>
/// <item><term>completed</term><description>true or false</description></item>
/// <item><term>broke_in_period</term><description>optional: the period, 1..grace_periods + installments counting the
/// grace periods, in which a broken plan broke; empty for a completed plan. Without it (an older file) a plan that broke
/// before its first installment after grace periods counts as having broken somewhere in periods 1..g + 1.</description></item>
/// </list>
/// </summary>
internal static class HistoryCsv
{
    public static readonly string[] Columns =
        ["burden", "reason", "frequency", "grace_periods", "installments", "installments_paid", "completed"];

    /// <summary>The optional column with the period in which a plan broke.</summary>
    public const string BrokeInPeriodColumn = "broke_in_period";

    public static void Write(TextWriter writer, IEnumerable<PlanHistoryRecord> records)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader([.. Columns, BrokeInPeriodColumn]);
        foreach (var r in records)
        {
            csv.WriteField(r.Burden.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(EnumNames.Name(r.Reason));
            csv.WriteField(EnumNames.Name(r.Frequency));
            csv.WriteField(r.GracePeriods.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Installments.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.InstallmentsPaid.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Completed ? "true" : "false");
            csv.WriteField(r.BrokeInPeriod?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.EndRecord();
        }
    }

    /// <exception cref="FormatException">A cell is missing or malformed; the message names the line and column.</exception>
    public static IReadOnlyList<PlanHistoryRecord> Read(TextReader reader)
    {
        using var csv = CsvReader.Create(reader, CsvRows.Options, leaveOpen: true);
        var rows = new CsvRows(csv, Columns);
        var withBreakPeriod = csv.Headers.Contains(BrokeInPeriodColumn, StringComparer.Ordinal);
        var records = new List<PlanHistoryRecord>();
        while (rows.Next())
        {
            records.Add(new PlanHistoryRecord(
                rows.Get("burden", s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
                rows.Get("reason", EnumNames.ParseReason),
                rows.Get("frequency", EnumNames.ParseFrequency),
                rows.Get("grace_periods", Int),
                rows.Get("installments", Int),
                rows.Get("installments_paid", Int),
                rows.Get("completed", s => bool.Parse(s)),
                withBreakPeriod ? rows.Optional(BrokeInPeriodColumn, Int) : null));
        }

        return records;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
