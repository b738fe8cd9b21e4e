using NegociacionOptimizer.Analyst.Commands;

namespace NegociacionOptimizer.Analyst.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var (console, output) = TestFiles.Console();
        var exitCode = AnalystCli.Create(console).Parse(args).Invoke();
        return (exitCode, output.ToString());
    }

    [Fact]
    public void Example_policies_pass()
    {
        var (exitCode, output) = Run("validate", TestFiles.Policy("default.json"), TestFiles.Policy("co-tarjetas.json"), TestFiles.Policy("ar-consumo.json"));

        Assert.Equal(0, exitCode);
        Assert.Contains("3 de 3 archivo(s) válidos.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_folder_glob_passes_with_its_schema_file_skipped()
    {
        var folder = Path.GetDirectoryName(TestFiles.Policy("default.json"))!;
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(files, f => f.EndsWith("policy.schema.json", StringComparison.Ordinal));

        var (exitCode, output) = Run(["validate", .. files]);

        Assert.Equal(0, exitCode);
        Assert.Contains("SKIP  " + Path.Combine(folder, "policy.schema.json"), output, StringComparison.Ordinal);
        Assert.Contains($"{files.Length - 1} de {files.Length - 1} archivo(s) válidos.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_broken_policy_is_reported_with_its_field_and_the_exit_code_is_1()
    {
        var folder = TestFiles.ScratchFolder();
        var broken = Path.Combine(folder, "broken.json");
        File.WriteAllText(broken, """
            {"id": "Mala Política", "version": 0, "currency": "XXX", "maxTermMonths": 0, "companyWeightBp": 10000,
             "principalDiscount": {"daysPastDueFrom": [0, 90], "tiers": [{"maxInstallments": 1, "principalCapBp": [4000]}]}}
            """);

        var (exitCode, output) = Run("validate", TestFiles.Policy("default.json"), broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("6 problema(s)", output, StringComparison.Ordinal);
        Assert.Equal(
            ["id", "version", "currency", "max_term_months", "principal_discount.tiers[0].principal_cap_bp", "company_weight_bp"],
            ValidateCommand.Check(broken).Select(p => p.Field));
        Assert.Contains("max_term_months: must be between 1 and 120; got 0", output, StringComparison.Ordinal);
        Assert.Contains("1 de 2 archivo(s) válidos.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_and_bad_json_are_one_problem_each()
    {
        var folder = TestFiles.ScratchFolder();
        var typo = Path.Combine(folder, "typo.json");
        File.WriteAllText(typo, """{"id": "x", "version": 1, "currency": "COP", "maxTermMonth": 12}""");

        var (exitCode, output) = Run("validate", typo, Path.Combine(folder, "missing.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("policy_json: is not a valid protobuf JSON Policy", output, StringComparison.Ordinal);
        Assert.Contains("maxTermMonth", output, StringComparison.Ordinal);
        Assert.Contains("file:", output, StringComparison.Ordinal);
    }
}
