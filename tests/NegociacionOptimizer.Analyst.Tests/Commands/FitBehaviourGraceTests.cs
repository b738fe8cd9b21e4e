using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analyst.Policies;
using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analyst.Tests.Commands;

/// <summary><c>fit-behaviour</c> with grace periods: m_g estimated and written, and every value it did not estimate explained.</summary>
public sealed class FitBehaviourGraceTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var (console, output) = TestFiles.Console();
        var exitCode = AnalystCli.Create(console).Parse(args).Invoke();
        return (exitCode, output.ToString());
    }

    private static string WriteHistory(IEnumerable<PlanHistoryRecord> records)
    {
        var path = Path.Combine(TestFiles.ScratchFolder(), "history.csv");
        using var writer = File.CreateText(path);
        HistoryCsv.Write(writer, records);
        return path;
    }

    private static BehaviourModel FittedModel(string fragment) =>
        PolicyFiles.ToDomainPolicy(PolicyFiles.Parse(File.ReadAllText(fragment)), fragment: true).Behaviour;

    [Fact]
    public void History_generated_with_riskier_grace_gives_back_its_grace_multiplier_in_the_fragment()
    {
        var folder = TestFiles.ScratchFolder();
        var policy = Path.Combine(folder, "grace.json");
        var history = Path.Combine(folder, "history.csv");
        var fragment = Path.Combine(folder, "fragment.json");
        File.WriteAllText(policy, """{ "behaviour": { "graceHazardMultiplier": 2 } }""");

        Assert.Equal(0, Run("generate-history", "--count", "20000", "--seed", "5", "--policy", policy, "--out", history).ExitCode);
        var (exitCode, output) = Run("fit-behaviour", "--history", history, "--out", fragment);

        Assert.Equal(0, exitCode);
        Assert.Contains("Mult. períodos de gracia (m_g)", output, StringComparison.Ordinal);
        Assert.InRange(FittedModel(fragment).GraceHazardMultiplier, 1.6, 2.4);
        Assert.Contains("\"graceHazardMultiplier\"", File.ReadAllText(fragment), StringComparison.Ordinal);
    }

    [Fact]
    public void History_without_grace_periods_keeps_the_grace_multiplier_at_one_and_says_so()
    {
        var history = WriteHistory(SyntheticHistory.Generate(BehaviourModel.Default, 5_000, seed: 3).Where(r => r.GracePeriods == 0));
        var fragment = Path.Combine(TestFiles.ScratchFolder(), "fragment.json");

        var (exitCode, output) = Run("fit-behaviour", "--history", history, "--out", fragment);

        Assert.Equal(0, exitCode);
        Assert.Contains("ningún plan del historial tuvo períodos de gracia", output, StringComparison.Ordinal);
        Assert.Equal(1.0, FittedModel(fragment).GraceHazardMultiplier);
    }

    [Fact]
    public void Bucket_without_plans_and_bucket_without_breaks_keep_their_reference_hazards_and_say_why()
    {
        var records = SyntheticHistory.Generate(BehaviourModel.Default, 5_000, seed: 4)
            .Where(r => r.Burden < 0.5)
            .Select(r => r.Burden < 0.1 ? r with { Completed = true, InstallmentsPaid = r.Installments, BrokeInPeriod = null } : r);
        var fragment = Path.Combine(TestFiles.ScratchFolder(), "fragment.json");

        var (exitCode, output) = Run("fit-behaviour", "--history", WriteHistory(records), "--out", fragment);

        Assert.Equal(0, exitCode);
        Assert.Contains("Base, carga ≥ 50 % no tiene planes en el historial: el fragmento mantiene el valor de referencia 0,10000", output, StringComparison.Ordinal);
        Assert.Contains("Base, carga 0–10 % no tiene planes interrumpidos", output, StringComparison.Ordinal);
        Assert.Contains("el fragmento mantiene el valor de referencia 0,00500", output, StringComparison.Ordinal);
        var model = FittedModel(fragment);
        Assert.Equal(0.005, model.Buckets[0].MonthlyHazard);
        Assert.Equal(0.10, model.Buckets[^1].MonthlyHazard);
    }

    [Fact]
    public void History_without_the_break_period_column_is_fitted_and_the_report_says_how()
    {
        var path = WriteHistory(SyntheticHistory.Generate(BehaviourModel.Default, 5_000, seed: 6));
        var lines = File.ReadAllLines(path).Select(l => l[..l.LastIndexOf(',')]);
        File.WriteAllLines(path, lines);

        var (exitCode, output) = Run("fit-behaviour", "--history", path);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(HistoryCsv.BrokeInPeriodColumn, File.ReadAllLines(path)[0], StringComparison.Ordinal);
        Assert.Contains("sin indicar en qué período (columna broke_in_period)", output, StringComparison.Ordinal);
        Assert.Contains("\"graceHazardMultiplier\"", output, StringComparison.Ordinal);
    }
}
