using System.Globalization;
using CsvHelper;
using NegociacionOptimizer.Analyst.Commands;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// The results CSV of an interrupted run, for <c>simulate --resume</c>: the rows that match the portfolio's accounts and
/// policies in order are kept (the file is rewritten with them alone, so a row cut by the interruption goes) and replayed
/// into the summary, so the table covers the whole run; the run solves only the rest and appends it.
/// </summary>
internal sealed class PreviousResults : IDisposable
{
    private readonly CsvReader _csv;
    private long _left;

    private PreviousResults(string path, long rows)
    {
        _left = rows;
        Rows = rows;
        _csv = Open(path);
    }

    /// <summary>Rows kept from the previous run.</summary>
    public long Rows { get; }

    /// <summary>
    /// Keeps the rows of <paramref name="path"/> that match <paramref name="items"/> in order and returns the reader that
    /// replays them. A file whose first row already differs (another portfolio, other policies) is refused rather than
    /// overwritten.
    /// </summary>
    public static PreviousResults Open(string path, IEnumerable<WorkItem> items, IReadOnlyList<SimulationPolicy> policies)
    {
        var kept = path + ".resume";
        long rows;
        using (var csv = Open(path))
        {
            if (!csv.Headers.SequenceEqual(ResultsCsv.Columns))
            {
                throw new InvalidOperationException($"--resume: {path} no es un archivo de resultados de simulate.");
            }

            try
            {
                rows = Keep(csv, kept, items, policies);
            }
            catch
            {
                File.Delete(kept);
                throw;
            }
        }

        File.Move(kept, path, overwrite: true);
        return new PreviousResults(path, rows);
    }

    /// <summary>Writes the leading rows that match the items to <paramref name="kept"/>; how many.</summary>
    private static long Keep(CsvReader csv, string kept, IEnumerable<WorkItem> items, IReadOnlyList<SimulationPolicy> policies)
    {
        long rows = 0;
        using var writer = new ResultsCsv(CommandRunner.CreateText(kept), policies);
        using var expected = items.GetEnumerator();
        var more = csv.Read();
        while (more && csv.FieldCount == ResultsCsv.Columns.Length && expected.MoveNext() && Matches(csv, expected.Current, policies))
        {
            writer.Write(Result(csv, expected.Current));
            rows++;
            more = csv.Read();
        }

        return rows == 0 && more && csv.FieldCount == ResultsCsv.Columns.Length
            ? throw new InvalidOperationException("--resume: el archivo tiene resultados de otra cartera u otras políticas.")
            : rows;
    }

    /// <summary>The previous result of <paramref name="item"/> while rows are left (they come in the items' order).</summary>
    public AccountResult? Next(WorkItem item)
    {
        if (_left == 0 || !_csv.Read())
        {
            return null;
        }

        _left--;
        return Result(_csv, item);
    }

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();

    private static CsvReader Open(string path) => CsvReader.Create(File.OpenText(path), CsvReaderOptions.Default, leaveOpen: false);

    private static bool Matches(CsvReader csv, WorkItem item, IReadOnlyList<SimulationPolicy> policies) =>
        csv.GetString("account_id") == item.Input.AccountId && csv.GetString("policy") == policies[item.PolicyIndex].Label;

    private static AccountResult Result(CsvReader csv, WorkItem item)
    {
        int Int(string name) => int.Parse(csv.GetString(name), CultureInfo.InvariantCulture);
        long Long(string name) => long.Parse(csv.GetString(name), CultureInfo.InvariantCulture);
        double Double(string name) => double.Parse(csv.GetString(name), CultureInfo.InvariantCulture);
        var outcome = csv.GetString("outcome") switch
        {
            "offers" => ResultOutcome.Offers,
            "no_feasible_plan" => ResultOutcome.NoFeasiblePlan,
            "review_required" => ResultOutcome.ReviewRequired,
            _ => ResultOutcome.Error,
        };
        var best = csv.GetString("best_kind").Length == 0 ? null : new BestOffer(
            csv.GetString("best_kind"), csv.GetString("best_frequency"), Int("best_installments"), Int("best_grace_periods"),
            Long("best_down_payment_minor"), Long("best_discount_minor"), Long("best_installment_minor"), Long("best_expected_npv_minor"),
            Double("best_recovery_ratio"), Double("best_burden"), Long("best_company_value_minor"), Long("best_person_value_minor"),
            Double("best_score"));
        var startNow = Int("start_now_offers");
        // Only the counts were kept: the points carry no values, and a replayed account is never the frontier chart's.
        var points = Enumerable.Range(1, Int("offers")).Select(rank => new OfferPoint(rank, 0, 0, rank <= startNow)).ToList();
        return new AccountResult(item, csv.GetString("server"), outcome, best, points, Double("solve_ms"),
            csv.GetString("optimal_proven") == "true", csv.GetString("error"), csv.GetString("no_offer_reason"), Replayed: true);
    }
}
