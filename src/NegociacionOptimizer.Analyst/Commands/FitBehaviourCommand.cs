using System.CommandLine;
using System.Globalization;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analyst.Ledger;
using NegociacionOptimizer.Analyst.Policies;
using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Accounts;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>
/// <c>fit-behaviour</c>: fits the behaviour model to a plan-history CSV or to the outcomes the server's ledger recorded
/// (<c>--ledger</c>), prints the estimates with their confidence intervals and writes the <c>{"behaviour": ...}</c>
/// fragment to paste into a policy file.
/// </summary>
internal static class FitBehaviourCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var history = new Option<string>("--history") { Description = "Historial de planes (CSV); o bien --ledger." };
        var ledger = LedgerCommand.LedgerOption(required: false);
        var buckets = new Option<string>("--buckets")
        {
            Description = "Límites inferiores de los tramos de carga, en % del ingreso disponible.",
            DefaultValueFactory = _ => "0,10,20,30,40,50",
        };
        var output = CommonOptions.Out("Archivo del fragmento de política (JSON); sin él, el fragmento se muestra en pantalla.", required: false);
        var command = new Command("fit-behaviour", "Ajusta el modelo de comportamiento (riesgo de interrupción por tramo de carga, multiplicadores por motivo y multiplicador de los períodos de gracia) por máxima verosimilitud, a partir de un historial CSV o del registro del servidor.")
        {
            history, ledger, buckets, output,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(history) is null) == (r.GetValue(ledger) is null))
            {
                r.AddError("Indique el historial con --history (CSV) o con --ledger (registro del servidor), uno de los dos.");
            }
        });
        command.SetAction(r => r.GetValue(ledger) is { } connection
            ? RunLedger(console, connection, r.GetValue(buckets)!, r.GetValue(output))
            : Run(console, r.GetValue(history)!, r.GetValue(buckets)!, r.GetValue(output)));
        return command;
    }

    public static int Run(IAnsiConsole console, string historyPath, string buckets, string? output) =>
        CommandRunner.Run(console, () =>
        {
            IReadOnlyList<PlanHistoryRecord> records;
            using (var reader = File.OpenText(historyPath))
            {
                records = HistoryCsv.Read(reader);
            }

            return Fit(console, records, buckets, output);
        });

    /// <summary>The same fit and report from the outcomes recorded in the server's ledger.</summary>
    public static int RunLedger(IAnsiConsole console, string connection, string buckets, string? output) =>
        CommandRunner.Run(console, () =>
        {
            var records = LedgerHistory.Read(connection);
            console.MarkupLineInterpolated($"Registro del servidor: {Display.Count(records.Count)} planes cerrados (los vigentes y los pagos únicos no cuentan).");
            return Fit(console, records, buckets, output);
        });

    private static int Fit(IAnsiConsole console, IReadOnlyList<PlanHistoryRecord> records, string buckets, string? output)
    {
        var options = new BehaviourFitOptions { BucketFromBp = ParseBuckets(buckets) };
        var fit = BehaviourFitter.Fit(records, options);
        console.Write(FitTable(fit));
        console.MarkupLineInterpolated(
            $"{Display.Count(fit.RecordCount)} planes, {Display.Count(fit.EventCount)} interrumpidos; log-verosimilitud {Display.Number(fit.LogLikelihood, 2)}.");
        WriteNotes(console, fit, records);

        var fragment = PolicyFiles.BehaviourFragment(fit.Model);
        if (output is null)
        {
            console.WriteLine(fragment);
        }
        else
        {
            using var writer = CommandRunner.CreateText(output);
            writer.Write(fragment);
            console.MarkupLineInterpolated($"Fragmento de política escrito en [bold]{output}[/].");
        }

        return 0;
    }

    /// <summary>Why a value of the fragment is not an estimate, parameter by parameter.</summary>
    private static void WriteNotes(IAnsiConsole console, BehaviourFit fit, IReadOnlyList<PlanHistoryRecord> records)
    {
        var shown = fit.BaseHazards
            .Concat(fit.ReasonMultipliers.Where(p => !p.Reason!.Value.RequiresReview()))
            .Append(fit.GraceHazardMultiplier);
        foreach (var p in shown)
        {
            var decimals = p.BurdenFromBp is null ? 3 : 5;
            var kept = Display.Number(p.ModelValue, decimals);
            switch (p.Status)
            {
                case FitStatus.NoEvents:
                    console.MarkupLineInterpolated(
                        $"[yellow]Atención:[/] {Label(p, fit)} no tiene planes interrumpidos: la estimación sería 0 (cota superior {Display.Number(p.Upper ?? 0, decimals)}); el fragmento mantiene el valor de referencia {kept}.");
                    break;
                case FitStatus.NotEstimated when p == fit.GraceHazardMultiplier:
                    console.MarkupLineInterpolated(
                        $"[yellow]Atención:[/] ningún plan del historial tuvo períodos de gracia: {Label(p, fit)} no se estima y el fragmento mantiene {kept}.");
                    break;
                case FitStatus.NotEstimated:
                    console.MarkupLineInterpolated(
                        $"[yellow]Atención:[/] {Label(p, fit)} no tiene planes en el historial: el fragmento mantiene el valor de referencia {kept}.");
                    break;
            }
        }

        var unknown = records.Count(r => r.BrokeInGrace is null);
        if (unknown > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]Atención:[/] {Display.Count(unknown)} planes se interrumpieron antes de la primera cuota sin indicar en qué período (columna {HistoryCsv.BrokeInPeriodColumn}): cuentan como interrumpidos en algún período entre el primero de gracia y el de la primera cuota.");
        }
    }

    /// <summary>"0,10,20" (percent of disposable income) → bp.</summary>
    internal static IReadOnlyList<int> ParseBuckets(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
            decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct) && pct is >= 0 and <= 1000
                ? (int)Math.Round(pct * 100)
                : throw new FormatException($"--buckets: '{s}' no es un porcentaje entre 0 y 1000."))];

    private static Table FitTable(BehaviourFit fit)
    {
        var level = Display.Number(fit.ConfidenceLevel * 100, 0);
        var table = new Table()
            .AddColumn("Parámetro (riesgo mensual)")
            .AddColumn(new TableColumn("Estimación").RightAligned())
            .AddColumn(new TableColumn("Error est.").RightAligned())
            .AddColumn(new TableColumn($"IC {level} %").RightAligned())
            .AddColumn(new TableColumn("Interr. / meses").RightAligned())
            .AddColumn("Estado");
        foreach (var p in fit.BaseHazards)
        {
            table.AddRow(Row(p, fit, decimals: 5));
        }

        foreach (var p in fit.ReasonMultipliers.Where(p => p.Status != FitStatus.NotEstimated || !p.Reason!.Value.RequiresReview()))
        {
            table.AddRow(Row(p, fit, decimals: 3));
        }

        table.AddRow(Row(fit.GraceHazardMultiplier, fit, decimals: 3));
        return table;
    }

    /// <summary>The cells of a parameter's row, escaped: Spectre reads square brackets as markup.</summary>
    private static string[] Row(FittedParameter p, BehaviourFit fit, int decimals) =>
    [.. new[]
    {
        Label(p, fit),
        Display.Number(p.Estimate, decimals),
        p.StandardError is { } se ? Display.Number(se, decimals) : "—",
        p.Lower is { } lo && p.Upper is { } hi ? $"[{Display.Number(lo, decimals)}; {Display.Number(hi, decimals)}]" : "—",
        p.Records > 0 ? $"{Display.Count(p.Events)} / {Display.Number(p.ExposureMonths, 0)}" : "—",
        Status(p.Status),
    }.Select(Markup.Escape)];

    private static string Label(FittedParameter p, BehaviourFit fit)
    {
        if (p.Reason is { } reason)
        {
            return $"Mult. {ReasonLabel(reason)}";
        }

        if (p.BurdenFromBp is null)
        {
            return "Mult. períodos de gracia (m_g)";
        }

        var index = fit.BaseHazards.ToList().IndexOf(p);
        var from = Display.Number(p.BurdenFromBp!.Value / 100.0, 0);
        return index + 1 < fit.BaseHazards.Count
            ? $"Base, carga {from}–{Display.Number(fit.BaseHazards[index + 1].BurdenFromBp!.Value / 100.0, 0)} %"
            : $"Base, carga ≥ {from} %";
    }

    private static string ReasonLabel(Reason reason) => reason switch
    {
        Reason.JobLoss => "pérdida de empleo",
        Reason.IncomeReduction => "reducción de ingresos",
        Reason.Illness => "enfermedad",
        Reason.OverIndebtedness => "sobreendeudamiento",
        Reason.Forgot => "olvido",
        Reason.Dispute => "disputa del saldo",
        Reason.FraudClaim => "reclamo por fraude",
        _ => "otro motivo",
    };

    private static string Status(FitStatus status) => status switch
    {
        FitStatus.Estimated => "estimado",
        FitStatus.NoEvents => "sin interrupciones (se mantiene la referencia)",
        FitStatus.NotEstimated => "sin datos (se mantiene la referencia)",
        _ => "fijo (referencia)",
    };
}
