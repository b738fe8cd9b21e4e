using System.CommandLine;
using Google.Protobuf;
using NegociacionOptimizer.Analyst.Policies;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>
/// <c>validate</c>: the server's ValidatePolicy checks (the same <c>PolicyValidator</c>), offline, on one or more policy
/// files; every problem of every file is printed, and the exit code is 1 when any file has one. A JSON schema
/// (<c>*.schema.json</c>, e.g. <c>policies/policy.schema.json</c> caught by <c>policies/*.json</c>) is skipped, as the
/// server's policy folder skips it.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<string[]>("policy") { Description = "Archivos de política (JSON).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Valida archivos de política con las mismas reglas que el servidor (ValidatePolicy), sin conexión.")
        {
            files,
        };
        command.SetAction(r => Run(console, r.GetValue(files)!));
        return command;
    }

    /// <summary>How a policy folder's JSON schema file ends.</summary>
    public const string SchemaSuffix = ".schema.json";

    public static int Run(IAnsiConsole console, IReadOnlyList<string> paths)
    {
        foreach (var schema in paths.Where(IsSchema))
        {
            console.MarkupLineInterpolated($"[grey]SKIP[/]  {schema}: esquema JSON, no es una política");
        }

        paths = [.. paths.Where(p => !IsSchema(p))];
        var invalid = 0;
        foreach (var path in paths)
        {
            var problems = Check(path);
            if (problems.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]OK[/]    {path}");
                continue;
            }

            invalid++;
            console.MarkupLineInterpolated($"[red]ERROR[/] {path}: {problems.Count} problema(s)");
            foreach (var (field, description) in problems)
            {
                console.MarkupLineInterpolated($"      {field}: {description}");
            }
        }

        console.MarkupLineInterpolated($"{paths.Count - invalid} de {paths.Count} archivo(s) válidos.");
        return invalid == 0 ? 0 : 1;
    }

    private static bool IsSchema(string path) => path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem of one file as (field, description); a file that cannot be read or parsed is one problem.</summary>
    internal static IReadOnlyList<(string Field, string Description)> Check(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [("file", e.Message)];
        }

        try
        {
            return [.. PolicyFiles.Problems(PolicyFiles.Parse(json)).Select(p => (p.Field, p.Description))];
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return [("policy_json", $"is not a valid protobuf JSON Policy: {e.Message}")];
        }
    }
}
