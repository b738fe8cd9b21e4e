using System.CommandLine;
using NegociacionOptimizer.Analyst.Commands;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst;

/// <summary>The <c>negociacion-analyst</c> command line: every command writes its report to the console it is given.</summary>
internal static class AnalystCli
{
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
