using System.CommandLine;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analyst.Policies;
using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Policies;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary><c>generate-history</c>: a seeded synthetic plan history from a known behaviour model, as CSV.</summary>
internal static class GenerateHistoryCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var count = CommonOptions.Count("Cantidad de planes de pago.");
        var seed = CommonOptions.Seed();
        var output = CommonOptions.Out("Archivo CSV de salida.", required: true);
        var policy = new Option<string>("--policy")
        {
            Description = "Archivo de política (JSON) cuyo modelo de comportamiento genera el historial; por omisión el modelo incorporado.",
        };
        var command = new Command("generate-history", "Genera un historial sintético de planes de pago (CSV) a partir de un modelo de comportamiento conocido.")
        {
            count, seed, output, policy,
        };
        command.SetAction(r => Run(console, r.GetValue(count), r.GetValue(seed), r.GetValue(output)!, r.GetValue(policy)));
        return command;
    }

    public static int Run(IAnsiConsole console, int count, int seed, string output, string? policyPath) =>
        CommandRunner.Run(console, () =>
        {
            var model = policyPath is null ? BehaviourModel.Default : PolicyFiles.ToDomainPolicy(PolicyFiles.Read(policyPath), fragment: true).Behaviour;
            var history = SyntheticHistory.Generate(model, count, seed);
            using (var writer = CommandRunner.CreateText(output))
            {
                HistoryCsv.Write(writer, history);
            }

            var interrupted = history.Count(r => !r.Completed);
            console.MarkupLineInterpolated(
                $"Historial de [bold]{Display.Count(count)}[/] planes (semilla {seed}, modelo {policyPath ?? "incorporado"}) escrito en [bold]{output}[/].");
            console.MarkupLineInterpolated(
                $"{Display.Count(interrupted)} planes interrumpidos ({Display.Number(100.0 * interrupted / Math.Max(1, count), 1)} %).");
            return 0;
        });
}
