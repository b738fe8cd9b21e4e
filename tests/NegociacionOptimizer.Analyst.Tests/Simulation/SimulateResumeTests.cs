using static NegociacionOptimizer.Analyst.Tests.Simulation.ResultsFile;

namespace NegociacionOptimizer.Analyst.Tests.Simulation;

/// <summary>
/// simulate --resume after an interruption: the rows already written are kept (a row cut by the interruption is
/// dropped), only the rest is solved, and the CSV and the summary equal an uninterrupted run's.
/// </summary>
public sealed class SimulateResumeTests
{
    private static readonly string[] Run =
    [
        "simulate", "--synthetic", "8", "--seed", "3", "--as-of", "2026-03-02", "--policy", TestFiles.Policy("default.json"),
        "--challenger", TestFiles.Policy("co-tarjetas.json"), "--offers", "1", "--time-limit-ms", "60000", "--parallelism", "2",
    ];

    private static async Task<(int Code, string Output)> SimulateAsync(params string[] args)
    {
        var (console, output) = TestFiles.Console();
        var code = await AnalystCli.Create(console).Parse([.. Run, .. args]).InvokeAsync();
        return (code, output.ToString());
    }

    /// <summary>Every cell but the solve time, which differs run to run.</summary>
    private static List<string> Rows(string path) =>
        [.. Read(path).Select(r => string.Join(',', r.Where(c => c.Key != "solve_ms").Select(c => $"{c.Key}={c.Value}")))];

    [Fact]
    public async Task A_resumed_run_keeps_what_was_written_solves_the_rest_and_matches_an_uninterrupted_run()
    {
        var folder = TestFiles.ScratchFolder();
        var whole = Path.Combine(folder, "whole.csv");
        var (wholeCode, wholeOutput) = await SimulateAsync("--out", whole);
        Assert.Equal(0, wholeCode);

        var resumed = Path.Combine(folder, "resumed.csv");
        Assert.Equal(0, (await SimulateAsync("--out", resumed, "--limit", "3")).Code);
        Assert.Equal(6, Read(resumed).Count);
        // As a kill in the middle of a write leaves it: the next account's first row, cut.
        File.AppendAllText(resumed, "ACC-3-000004,default,,off");

        var (code, output) = await SimulateAsync("--out", resumed, "--resume");

        Assert.Equal(0, code);
        Assert.Contains("reanudado tras 6 resultado(s) previos", output, StringComparison.Ordinal);
        Assert.Equal(Rows(whole), Rows(resumed));
        foreach (var label in new[] { "Cuentas", "Con oferta", "Sin plan factible", "E[NPV] total", "Recuperación" })
        {
            Assert.Equal(TableRow(wholeOutput, label), TableRow(output, label));
        }
    }

    [Fact]
    public async Task Resuming_with_another_portfolio_is_refused_and_the_file_is_kept()
    {
        var folder = TestFiles.ScratchFolder();
        var results = Path.Combine(folder, "results.csv");
        Assert.Equal(0, (await SimulateAsync("--out", results, "--limit", "2")).Code);
        var before = File.ReadAllText(results);

        var (console, output) = TestFiles.Console();
        var code = await AnalystCli.Create(console).Parse([.. Run.Select(a => a == "3" ? "4" : a), "--out", results, "--resume"]).InvokeAsync();

        Assert.Equal(1, code);
        Assert.Contains("otra cartera", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(results));
        Assert.Equal(["results.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Resume_needs_the_results_file() =>
        Assert.Contains("--resume necesita --out", (await SimulateAsync("--resume")).Output, StringComparison.Ordinal);
}
