using System.CommandLine;
using NegociacionOptimizer.Analyst.Commands;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst;

/// <summary>The <c>negociacion-analyst</c> command line: every command writes its report to the console it is given.</summary>
internal static class AnalystCli
{
    /// <summary>Parses and runs <paramref name="args"/>; a parse error is one line on <paramref name="error"/> and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"negociacion-analyst: {string.Join("; ", parse.Errors.Select(e => e.Message))} (--help muestra el uso)").ConfigureAwait(false);
            return 2;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }

    public static RootCommand Create(IAnsiConsole console) => new("Herramientas de analistas de NegociacionOptimizer: carteras y historiales sintéticos, ajuste del modelo de comportamiento, validación de políticas, simulación de carteras.")
    {
        GeneratePortfolioCommand.Create(console),
        GenerateHistoryCommand.Create(console),
        FitBehaviourCommand.Create(console),
        LedgerCommand.Create(console),
        ValidateCommand.Create(console),
        SimulateCommand.Create(console),
    };
}
