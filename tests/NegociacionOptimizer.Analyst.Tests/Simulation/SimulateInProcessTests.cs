using System.Globalization;
using NegociacionOptimizer.Analyst.Simulation;
using static NegociacionOptimizer.Analyst.Tests.Simulation.ResultsFile;

namespace NegociacionOptimizer.Analyst.Tests.Simulation;

/// <summary>simulate in process on a small synthetic portfolio, comparing two policies, with a short per-account time limit.</summary>
public sealed class SimulateInProcessTests
{
    private static readonly string[] PngSignature = ["89", "50", "4E", "47", "0D", "0A", "1A", "0A"];

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var (console, output) = TestFiles.Console();
        var exitCode = AnalystCli.Create(console).Parse(args).Invoke();
        return (exitCode, output.ToString());
    }

    private static (int ExitCode, string Output, string Folder) Simulate(int accounts, params string[] extra)
    {
        var folder = TestFiles.ScratchFolder();
        var (exitCode, output) = Run([
            "simulate", "--synthetic", accounts.ToString(CultureInfo.InvariantCulture), "--seed", "11", "--as-of", "2026-03-02",
            "--policy", TestFiles.Policy("default.json"), "--challenger", TestFiles.Policy("co-tarjetas.json"),
            "--time-limit-ms", "150", "--out", Path.Combine(folder, "results.csv"), .. extra]);
        return (exitCode, output, folder);
    }

    [Fact]
    public void Comparison_writes_one_row_per_account_and_policy_and_the_table_matches_the_csv()
    {
        var (exitCode, output, folder) = Simulate(30, "--charts", Path.Combine(TestFiles.ScratchFolder(), "charts"));

        Assert.Equal(0, exitCode);
        var rows = Read(Path.Combine(folder, "results.csv"));
        Assert.Equal(60, rows.Count);
        Assert.Equal(ResultsCsv.Columns, rows[0].Keys);
        foreach (var (label, column) in new[] { ("default", 0), ("co-tarjetas", 1) })
        {
            var mine = rows.Where(r => r["policy"] == label).ToList();
            Assert.Equal(30, mine.Select(r => r["account_id"]).Distinct().Count());
            var offered = mine.Where(r => r["outcome"] == "offers").ToList();
            var totalNpv = offered.Sum(r => Long(r["best_expected_npv_minor"])) / 100.0;
            var balance = offered.Sum(r => Long(r["balance_minor"])) / 100.0;

            Assert.Equal(Es(30), TableRow(output, "Cuentas")[column]);
            Assert.Equal(Es(offered.Count), TableRow(output, "Con oferta")[column]);
            Assert.Equal(Es(mine.Count(r => r["outcome"] == "no_feasible_plan")), TableRow(output, "Sin plan factible")[column]);
            Assert.Equal(Es(mine.Count(r => r["outcome"] == "review_required")), TableRow(output, "Requieren revisión")[column]);
            Assert.Equal(Es(totalNpv), TableRow(output, "E[NPV] total")[column]);
            Assert.Equal(Es(100 * totalNpv / balance, 2), TableRow(output, "Recuperación")[column]);
            Assert.Equal(Es(offered.Count(r => r["best_kind"] == "settlement")), TableRow(output, "Mejor oferta: cancelación")[column]);
            Assert.Equal(Es(mine.Count(r => r["optimal_proven"] == "false")), TableRow(output, "Sin óptimo probado")[column]);
            Assert.All(offered, r => Assert.True(Long(r["offers"]) >= 1));
        }
    }

    [Fact]
    public void Rows_follow_the_portfolio_order_with_the_policy_then_the_challenger()
    {
        var (_, _, folder) = Simulate(6);

        var rows = Read(Path.Combine(folder, "results.csv"));

        Assert.Equal(
            Enumerable.Range(1, 6).SelectMany(i => new[] { $"ACC-11-{i:D6}|default", $"ACC-11-{i:D6}|co-tarjetas" }),
            rows.Select(r => $"{r["account_id"]}|{r["policy"]}"));
    }

    [Fact]
    public void Charts_are_valid_png_files_one_histogram_and_one_frontier_per_policy()
    {
        var charts = Path.Combine(TestFiles.ScratchFolder(), "charts");
        var (exitCode, _, _) = Simulate(4, "--charts", charts);

        Assert.Equal(0, exitCode);
        foreach (var file in new[] { "recovery-histogram.png", "frontier-default.png", "frontier-co-tarjetas.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(charts, file));
            Assert.Equal(PngSignature, bytes.Take(8).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(1000, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        }
    }

    [Fact]
    public void Frontier_account_that_is_not_simulated_is_reported_and_the_histogram_still_drawn()
    {
        var charts = Path.Combine(TestFiles.ScratchFolder(), "charts");
        var (exitCode, output, _) = Simulate(2, "--charts", charts, "--frontier-account", "NO-SUCH-ACCOUNT");

        Assert.Equal(0, exitCode);
        Assert.Contains("la cuenta NO-SUCH-ACCOUNT no está entre las simuladas", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(charts, "recovery-histogram.png")));
        Assert.False(File.Exists(Path.Combine(charts, "frontier-default.png")));
    }

    [Fact]
    public void Max_seconds_stops_starting_accounts_and_keeps_both_policies_of_every_account_done()
    {
        var (exitCode, output, folder) = Simulate(5000, "--max-seconds", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("Corte anticipado", output, StringComparison.Ordinal);
        var rows = Read(Path.Combine(folder, "results.csv"));
        Assert.InRange(rows.Count, 2, 9998);
        Assert.Equal(0, rows.Count % 2);
    }

    [Fact]
    public void Limit_takes_the_first_accounts_of_a_portfolio_csv()
    {
        var folder = TestFiles.ScratchFolder();
        var portfolio = Path.Combine(folder, "portfolio.csv");
        var results = Path.Combine(folder, "results.csv");
        Assert.Equal(0, Run("generate-portfolio", "--count", "50", "--seed", "4", "--as-of", "2026-03-02", "--out", portfolio).ExitCode);

        var (exitCode, _) = Run("simulate", "--portfolio", portfolio, "--limit", "3", "--policy", TestFiles.Policy("ar-consumo.json"),
            "--time-limit-ms", "100", "--out", results);

        Assert.Equal(0, exitCode);
        Assert.Equal(["ACC-4-000001", "ACC-4-000002", "ACC-4-000003"], Read(results).Select(r => r["account_id"]));
    }

    [Fact]
    public void Offers_option_sets_the_offers_per_account_and_keeps_the_best_offer_of_the_full_set()
    {
        var (one, full) = (Path.Combine(TestFiles.ScratchFolder(), "one.csv"), Path.Combine(TestFiles.ScratchFolder(), "full.csv"));
        string[] common = ["simulate", "--synthetic", "8", "--seed", "11", "--as-of", "2026-03-02", "--policy", TestFiles.Policy("default.json"), "--time-limit-ms", "5000"];

        Assert.Equal(0, Run([.. common, "--offers", "1", "--out", one]).ExitCode);
        Assert.Equal(0, Run([.. common, "--out", full]).ExitCode);
        var single = Read(one);
        var set = Read(full);
        Assert.All(single.Where(r => r["outcome"] == "offers"), r => Assert.Equal("1", r["offers"]));
        Assert.Contains(set, r => Long(r["offers"]) > 1);
        // Rank 1 is the overall best plan whether or not the other places are filled (both proven here).
        foreach (var (a, b) in single.Zip(set).Where(p => p.First["optimal_proven"] == "true" && p.Second["optimal_proven"] == "true"))
        {
            Assert.Equal(b["best_score"], a["best_score"]);
        }
    }

    [Fact]
    public void With_one_offer_per_account_the_frontier_chart_still_marks_each_policys_ranked_set()
    {
        var charts = Path.Combine(TestFiles.ScratchFolder(), "charts");
        var (exitCode, output, _) = Simulate(6, "--offers", "1", "--charts", charts);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Frontera: la cuenta ACC-11-\d{6} se resolvió de nuevo con el offer_count de cada política \(\d+ ofertas, \d+ ofertas\)", output);
        Assert.True(File.Exists(Path.Combine(charts, "frontier-default.png")));
    }

    [Fact]
    public void Offers_outside_one_to_ten_is_refused_before_anything_runs()
    {
        foreach (var offers in new[] { "0", "11" })
        {
            var (console, _) = TestFiles.Console();
            var parsed = AnalystCli.Create(console).Parse(["simulate", "--synthetic", "2", "--policy", TestFiles.Policy("default.json"), "--offers", offers]);

            Assert.Contains(parsed.Errors, e => e.Message == "--offers debe estar entre 1 y 10.");
        }
    }

    [Fact]
    public void Invalid_policy_is_reported_per_field_and_nothing_is_simulated()
    {
        var folder = TestFiles.ScratchFolder();
        var policy = Path.Combine(folder, "bad.json");
        File.WriteAllText(policy, """{"id": "bad", "version": 1, "currency": "COP", "maxTermMonths": 500}""");

        var (exitCode, output) = Run("simulate", "--synthetic", "3", "--policy", policy, "--out", Path.Combine(folder, "r.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("max_term_months: must be between 1 and 120; got 500", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "r.csv")));
    }
}
