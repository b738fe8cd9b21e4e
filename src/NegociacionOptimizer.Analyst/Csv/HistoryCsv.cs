using System.Globalization;
using CsvHelper;
using NegociacionOptimizer.Domain.Behaviour;

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
/// </list>
/// </summary>
internal static class HistoryCsv
{
    public static readonly string[] Columns =
        ["burden", "reason", "frequency", "grace_periods", "installments", "installments_paid", "completed"];

    public static void Write(TextWriter writer, IEnumerable<PlanHistoryRecord> records)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(Columns);
        foreach (var r in records)
        {
            csv.WriteField(r.Burden.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(EnumNames.Name(r.Reason));
            csv.WriteField(EnumNames.Name(r.Frequency));
            csv.WriteField(r.GracePeriods.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Installments.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.InstallmentsPaid.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Completed ? "true" : "false");
            csv.EndRecord();
        }
    }

    /// <exception cref="FormatException">A cell is missing or malformed; the message names the line and column.</exception>
    public static IReadOnlyList<PlanHistoryRecord> Read(TextReader reader)
    {
        using var csv = CsvReader.Create(reader, CsvRows.Options, leaveOpen: true);
        var rows = new CsvRows(csv, Columns);
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
                rows.Get("completed", s => bool.Parse(s))));
        }

        return records;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
