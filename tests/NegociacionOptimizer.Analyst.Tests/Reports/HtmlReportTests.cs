using System.Globalization;
using System.Text.RegularExpressions;
using NegociacionOptimizer.Analyst.Reports;
using static NegociacionOptimizer.Analyst.Tests.Simulation.ResultsFile;

namespace NegociacionOptimizer.Analyst.Tests.Reports;

/// <summary>The simulation's HTML report, rendered offline by headless Chromium, and the figures it shares with the console and the CSV.</summary>
public sealed partial class HtmlReportTests
{
    private static (int ExitCode, string Output, string Folder) Simulate(int accounts, params string[] extra)
    {
        var folder = TestFiles.ScratchFolder();
        var (console, output) = TestFiles.Console();
        var exitCode = AnalystCli.Create(console).Parse([
            "simulate", "--synthetic", accounts.ToString(CultureInfo.InvariantCulture), "--seed", "11", "--as-of", "2026-03-02",
            "--policy", TestFiles.Policy("default.json"), "--challenger", TestFiles.Policy("co-tarjetas.json"),
            "--time-limit-ms", "150", "--out", Path.Combine(folder, "results.csv"), "--report", Path.Combine(folder, "report.html"),
            .. extra]).Invoke();
        return (exitCode, output.ToString(), folder);
    }

    [Fact]
    public void Report_renders_offline_in_headless_chromium_with_its_sections_and_every_chart_drawn()
    {
        var (exitCode, _, folder) = Simulate(12);
        Assert.Equal(0, exitCode);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.DoesNotMatch("(src|href)=\"(https?:|//)", html);

        var dom = HeadlessChromium.DumpDom(Path.Combine(folder, "report.html"));

        var text = Text(dom);
        foreach (var expected in new[]
                 {
                     "Simulación de cartera", "campeona default (--policy)", "retadora co-tarjetas (--challenger)",
                     "Fecha de valuación: 2026-03-02", "Resumen", "Mejores ofertas diferidas, g > 0 (%)",
                     "Gracia media de la mejor oferta (períodos)", "Respuestas con alternativa para empezar ya (%)",
                     "Cuentas sin oferta, por primer motivo", "Por segmento", "Por motivo del atraso (indagación)",
                     "Por días de atraso", "Por saldo pendiente", "Gráficos dibujados: 3 de 3.",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        foreach (var code in Read(Path.Combine(folder, "results.csv")).Select(r => r["no_offer_reason"]).Where(c => c.Length > 0))
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }

        Assert.Matches($"id=\"{HtmlReport.ChartsStatusId}\" data-drawn=\"3\" data-total=\"3\"", dom);
        Assert.Equal(3, Regex.Count(dom, "<img "));
    }

    [Fact]
    public void Deferred_share_mean_grace_start_now_share_and_no_offer_reasons_match_the_csv()
    {
        var (exitCode, output, folder) = Simulate(16);

        Assert.Equal(0, exitCode);
        var rows = Read(Path.Combine(folder, "results.csv"));
        var reasonCodes = rows.Where(r => r["outcome"] is "no_feasible_plan" or "review_required").Select(r => r["no_offer_reason"]).ToList();
        Assert.NotEmpty(reasonCodes);
        Assert.All(reasonCodes, code => Assert.Matches("^[A-Z_]+$", code));
        Assert.All(rows.Where(r => r["outcome"] == "offers"), r => Assert.Equal(string.Empty, r["no_offer_reason"]));
        foreach (var (label, column) in new[] { ("default", 0), ("co-tarjetas", 1) })
        {
            var mine = rows.Where(r => r["policy"] == label).ToList();
            var offered = mine.Where(r => r["outcome"] == "offers").ToList();
            var deferred = offered.Count(r => Long(r["best_grace_periods"]) > 0);
            var startNow = offered.Count(r => Long(r["start_now_offers"]) > 0);
            var grace = offered.Sum(r => Long(r["best_grace_periods"]));

            Assert.Equal(Es(100.0 * deferred / offered.Count, 1), TableRow(output, "Mejores ofertas diferidas")[column]);
            Assert.Equal(Es((double)grace / offered.Count, 2), TableRow(output, "Gracia media de la mejor oferta")[column]);
            Assert.Equal(Es(100.0 * startNow / offered.Count, 1), TableRow(output, "Respuestas con alternativa para empezar ya")[column]);
            foreach (var code in mine.Select(r => r["no_offer_reason"]).Where(c => c.Length > 0).Distinct())
            {
                Assert.Equal(Es(mine.Count(r => r["no_offer_reason"] == code)), TableRow(output, code)[column]);
            }
        }
    }

    [Fact]
    public void Synthetic_run_without_as_of_is_refused_so_that_it_can_be_repeated()
    {
        var folder = TestFiles.ScratchFolder();
        var (console, output) = TestFiles.Console();

        var exitCode = AnalystCli.Create(console).Parse([
            "simulate", "--synthetic", "2", "--policy", TestFiles.Policy("default.json"), "--out", Path.Combine(folder, "r.csv")]).Invoke();

        Assert.Equal(1, exitCode);
        Assert.Contains("indique --as-of YYYY-MM-DD con --synthetic", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "r.csv")));
    }

    [Fact]
    public void Portfolio_run_takes_the_valuation_date_from_the_file_and_refuses_another_one()
    {
        var folder = TestFiles.ScratchFolder();
        var portfolio = Path.Combine(folder, "portfolio.csv");
        var report = Path.Combine(folder, "report.html");
        var (console, output) = TestFiles.Console();
        var cli = AnalystCli.Create(console);
        Assert.Equal(0, cli.Parse(["generate-portfolio", "--count", "3", "--seed", "4", "--as-of", "2026-07-13", "--out", portfolio]).Invoke());
        string[] run = ["simulate", "--portfolio", portfolio, "--policy", TestFiles.Policy("ar-consumo.json"), "--time-limit-ms", "100", "--report", report];

        Assert.Equal(1, cli.Parse([.. run, "--as-of", "2026-07-14"]).Invoke());
        Assert.Contains("--as-of es solo para --synthetic", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, cli.Parse(run).Invoke());
        Assert.Contains("Fecha de valuación: 2026-07-13.", File.ReadAllText(report), StringComparison.Ordinal);
    }

    /// <summary>The DOM's text: tags dropped, entities decoded, whitespace collapsed.</summary>
    private static string Text(string dom) =>
        Whitespace().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(dom, " "), " ")), " ");

    [GeneratedRegex("<script.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
