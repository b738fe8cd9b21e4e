using System.CommandLine;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analyst.Ledger;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary><c>ledger export</c>: writes the ledger's closed plans as the plan-history CSV that <c>fit-behaviour</c> reads.</summary>
internal static class LedgerCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var ledger = LedgerOption(required: true);
        var output = CommonOptions.Out("Historial de planes (CSV) a escribir.", required: true);
        var export = new Command("export", "Escribe los planes cerrados del registro (cancelados o interrumpidos) como el historial CSV que lee fit-behaviour.")
        {
            ledger, output,
        };
        export.SetAction(r => Export(console, r.GetValue(ledger)!, r.GetValue(output)!));
        return new Command("ledger", "El registro del servidor (ofertas emitidas, planes aceptados y sus pagos).") { export };
    }

    /// <summary>The <c>--ledger</c> option: the server's ledger.db or its PostgreSQL connection string.</summary>
    public static Option<string> LedgerOption(bool required) => new("--ledger")
    {
        Description = "Registro del servidor: su archivo ledger.db (en la carpeta de datos) o la cadena de conexión de PostgreSQL (Host=…;Database=…;Username=…).",
        Required = required,
    };

    public static int Export(IAnsiConsole console, string connection, string output) =>
        CommandRunner.Run(console, () =>
        {
            var records = LedgerHistory.Read(connection);
            using (var writer = CommandRunner.CreateText(output))
            {
                HistoryCsv.Write(writer, records);
            }

            console.MarkupLineInterpolated($"{Display.Count(records.Count)} planes cerrados escritos en [bold]{output}[/].");
            return 0;
        });
}
