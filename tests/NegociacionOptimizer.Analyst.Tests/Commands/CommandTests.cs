using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analyst.Policies;

namespace NegociacionOptimizer.Analyst.Tests.Commands;

public sealed class CommandTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var (console, output) = TestFiles.Console();
        var exitCode = AnalystCli.Create(console).Parse(args).Invoke();
        return (exitCode, output.ToString());
    }

    [Fact]
    public void Fit_behaviour_on_a_generated_history_writes_a_fragment_that_parses_as_a_policy()
    {
        var folder = TestFiles.ScratchFolder();
        var history = Path.Combine(folder, "history.csv");
        var fragment = Path.Combine(folder, "fragment.json");

        Assert.Equal(0, Run("generate-history", "--count", "20000", "--seed", "3", "--out", history).ExitCode);
        var (exitCode, output) = Run("fit-behaviour", "--history", history, "--out", fragment);

        Assert.Equal(0, exitCode);
        Assert.Contains("IC 95 %", output, StringComparison.Ordinal);
        Assert.Contains("20.000 planes", output, StringComparison.Ordinal);
        var policy = PolicyFiles.Parse(File.ReadAllText(fragment));
        Assert.Equal(6, policy.Behaviour.Hazard.Count);
        Assert.Equal(6, policy.Behaviour.ReasonMultipliers.Count);
        var model = PolicyFiles.ToDomainPolicy(policy, fragment: true).Behaviour;
        Assert.InRange(model.Buckets[5].MonthlyHazard, 0.085, 0.115);
        Assert.Equal(1.0, model.Multiplier(Domain.Accounts.Reason.Other));
    }

    [Fact]
    public void Fit_behaviour_with_custom_buckets_prints_the_fragment_when_no_out_file_is_given()
    {
        var history = Path.Combine(TestFiles.ScratchFolder(), "history.csv");
        Run("generate-history", "--count", "3000", "--out", history);

        var (exitCode, output) = Run("fit-behaviour", "--history", history, "--buckets", "0, 25, 50");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"burdenFromBp\": 2500", output, StringComparison.Ordinal);
        Assert.Contains("\"behaviour\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_behaviour_on_a_missing_file_or_bad_buckets_fails_with_one_clear_line()
    {
        var missing = Run("fit-behaviour", "--history", Path.Combine(TestFiles.ScratchFolder(), "none.csv"));
        var history = Path.Combine(TestFiles.ScratchFolder(), "history.csv");
        Run("generate-history", "--count", "500", "--out", history);
        var badBuckets = Run("fit-behaviour", "--history", history, "--buckets", "0,20,10");

        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("Error:", missing.Output, StringComparison.Ordinal);
        Assert.Equal(1, badBuckets.ExitCode);
        Assert.Contains("ascending", badBuckets.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_portfolio_is_deterministic_for_a_seed_and_readable_back()
    {
        var folder = TestFiles.ScratchFolder();
        var a = Path.Combine(folder, "a.csv");
        var b = Path.Combine(folder, "b.csv");

        var (exitCode, output) = Run("generate-portfolio", "--count", "250", "--seed", "9", "--currency", "ARS", "--as-of", "2026-11-22", "--out", a);
        Run("generate-portfolio", "--count", "250", "--seed", "9", "--currency", "ARS", "--as-of", "2026-11-22", "--out", b);

        Assert.Equal(0, exitCode);
        Assert.Contains("250", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        using var reader = File.OpenText(a);
        var portfolio = PortfolioCsv.Read(reader);
        Assert.Equal(250, portfolio.Count);
        Assert.All(portfolio, p => Assert.Equal("ARS", p.Account.Currency.Code));
    }

    [Fact]
    public void Generate_portfolio_rejects_an_unknown_currency()
    {
        var (exitCode, output) = Run("generate-portfolio", "--count", "5", "--currency", "XYZ", "--as-of", "2026-11-22",
            "--out", Path.Combine(TestFiles.ScratchFolder(), "p.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("XYZ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_history_uses_the_behaviour_model_of_a_policy_file()
    {
        var history = Path.Combine(TestFiles.ScratchFolder(), "history.csv");

        var (exitCode, _) = Run("generate-history", "--count", "400", "--seed", "2", "--policy", TestFiles.Policy("ar-consumo.json"), "--out", history);

        Assert.Equal(0, exitCode);
        using var reader = File.OpenText(history);
        Assert.Equal(400, HistoryCsv.Read(reader).Count);
    }

    [Fact]
    public void Bucket_option_is_read_as_percentages_of_disposable_income()
    {
        Assert.Equal([0, 1_250, 3_000], FitBehaviourCommand.ParseBuckets("0, 12.5 ,30"));
        Assert.Throws<FormatException>(() => FitBehaviourCommand.ParseBuckets("0,diez"));
    }
}
