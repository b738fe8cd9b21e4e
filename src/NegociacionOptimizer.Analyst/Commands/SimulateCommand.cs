using System.CommandLine;
using System.Diagnostics;
using NegociacionOptimizer.Analyst.Charts;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analyst.Policies;
using NegociacionOptimizer.Analyst.Reports;
using NegociacionOptimizer.Analyst.Simulation;
using NegociacionOptimizer.Contracts;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Optimization;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>
/// <c>simulate</c>: a portfolio under one policy, or two compared, in process (the CP-SAT engine on every core) or
/// against running servers (GenerateOffers, balanced round robin with retries). Streams: a progress bar with ETA, a
/// comparison table and the first no-offer reasons, the per-account CSV, the PNG charts and a one-file HTML report, with
/// memory bounded whatever the portfolio's size. The valuation date is the portfolio's (its as_of column) or the
/// required --as-of of a synthetic one, never the day the run happens: a run is reproducible.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var policy = new Option<string>("--policy") { Description = "Archivo de política (JSON).", Required = true };
        var challenger = new Option<string>("--challenger") { Description = "Segunda política (JSON) a comparar con la primera." };
        var portfolio = new Option<string>("--portfolio") { Description = "Cartera (CSV, como la de generate-portfolio)." };
        var synthetic = new Option<int?>("--synthetic") { Description = "Sin --portfolio: cantidad de cuentas de una cartera sintética." };
        var seed = CommonOptions.Seed();
        var currency = new Option<string>("--currency") { Description = "Moneda de la cartera sintética.", DefaultValueFactory = _ => "COP" };
        var asOf = CommonOptions.AsOf();
        asOf.Required = false;
        asOf.Description = "Fecha de valuación de la cartera sintética (YYYY-MM-DD), obligatoria con --synthetic; una cartera CSV trae la suya (columna as_of).";
        var server = new Option<string[]>("--server")
        {
            Description = "Dirección de un servidor http(s)://host:puerto (repetible), o un nombre dns:///host:puerto que resuelve a todas las réplicas: reparto round-robin por llamada, reintentos ante UNAVAILABLE/RESOURCE_EXHAUSTED; sin ella, el motor corre en proceso.",
        };
        var streams = Positive("--calls-per-server", "Llamadas concurrentes por servidor (cada una, una búsqueda).", 2);
        streams.Aliases.Add("--streams-per-server");
        var parallelism = Positive("--parallelism", "Resoluciones concurrentes en proceso.", Environment.ProcessorCount);
        var timeLimit = new Option<int?>("--time-limit-ms")
        {
            Description = "Límite de tiempo de resolución por cuenta (50..60000 ms), en lugar del de cada política.",
        };
        var offers = new Option<int?>("--offers")
        {
            Description = "Ofertas por cuenta (1..10), en lugar del offer_count de cada política; la tabla solo usa la mejor, así que 1 basta para comparar.",
            Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1 or > 10) { r.AddError("--offers debe estar entre 1 y 10."); } } },
        };
        var limit = new Option<int?>("--limit") { Description = "Como máximo esta cantidad de cuentas." };
        var maxSeconds = new Option<double?>("--max-seconds") { Description = "No empezar cuentas nuevas pasados estos segundos." };
        var output = CommonOptions.Out("Resultados por cuenta (CSV).", required: false);
        var resume = new Option<bool>("--resume")
        {
            Description = "Reanuda una corrida interrumpida: conserva las filas de --out que corresponden a la cartera y las políticas, "
                + "las suma al resumen y resuelve solo el resto (mismos argumentos que la corrida original).",
        };
        var charts = new Option<string>("--charts") { Description = "Carpeta para los gráficos PNG." };
        var report = new Option<string>("--report") { Description = "Informe HTML autocontenido (tablas, segmentos y gráficos) para abrir sin conexión." };
        var frontier = new Option<string>("--frontier-account") { Description = "Cuenta del gráfico de frontera; por omisión, la primera con ofertas." };
        var command = new Command("simulate", "Simula una cartera con una política, o compara dos (qué pasaría si), en proceso o contra servidores.")
        {
            policy, challenger, portfolio, synthetic, seed, currency, asOf, server, streams, parallelism, timeLimit, offers, limit, maxSeconds,
            output, resume, charts, report, frontier,
        };
        command.SetAction((r, token) => RunAsync(console, new SimulateSettings(
            r.GetValue(policy)!, r.GetValue(challenger), r.GetValue(portfolio), r.GetValue(synthetic), r.GetValue(seed),
            r.GetValue(currency)!, r.GetResult(asOf) is null ? null : r.GetValue(asOf), r.GetValue(server) ?? [], r.GetValue(streams), r.GetValue(parallelism),
            r.GetValue(timeLimit), r.GetValue(offers), r.GetValue(limit), r.GetValue(maxSeconds), r.GetValue(output), r.GetValue(charts),
            r.GetValue(report), r.GetValue(frontier), r.GetValue(resume)), token));
        return command;
    }

    /// <param name="console">Where the progress, table and messages go.</param>
    /// <param name="s">The settings.</param>
    /// <param name="stop">Ends the run early and gracefully (accounts in flight finish; the summary covers those done).</param>
    public static Task<int> RunAsync(IAnsiConsole console, SimulateSettings s, CancellationToken stop) =>
        CommandRunner.RunAsync(console, async () =>
        {
            if (LoadPolicies(console, s) is not { } policies)
            {
                return 1;
            }

            var (accounts, total, currency) = Portfolio(s);
            if (s.Resume && s.Out is null)
            {
                throw new ArgumentException("--resume necesita --out: el archivo de resultados de la corrida a reanudar.");
            }

            using var previous = s.Resume && File.Exists(s.Out) ? PreviousResults.Open(s.Out!, WorkItem.For(accounts, policies.Count), policies) : null;
            var runner = previous is null ? Runner(s, policies) : new ResumingRunner(Runner(s, policies), previous);
            console.MarkupLineInterpolated(
                $"{Display.Count(total)} cuentas × {policies.Count} política(s) ({string.Join(" vs ", policies.Select(p => p.Label))}), {runner.Description}.");

            using var deadline = s.MaxSeconds is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
            using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
            var csv = s.Out is null ? null
                : previous is null ? new ResultsCsv(CommandRunner.CreateText(s.Out), policies)
                : new ResultsCsv(new StreamWriter(s.Out, append: true, new System.Text.UTF8Encoding(false)), policies, header: false);
            SimulationReport report;
            using (csv)
            {
                report = await Progress(console).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Simulando", maxValue: Math.Max(1, total));
                    var clock = Stopwatch.StartNew();
                    return await Simulator.RunAsync(runner, accounts, policies, csv, s.FrontierAccount, done =>
                    {
                        task.Value = done;
                        task.Description = $"Simulando ({Display.Number(done / Math.Max(0.001, clock.Elapsed.TotalSeconds), 1)} cuentas/s)";
                    }, stopAll.Token, CancellationToken.None).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }

            console.Write(SummaryTable.Build(report.Tallies, currency));
            if (report.Tallies.Any(t => t.NoOfferReasons.Count > 0))
            {
                console.Write(SummaryTable.Reasons(report.Tallies));
            }

            Report(console, s, report, total, policies.Count);
            if (s.Charts is not null || s.Report is not null)
            {
                if (s.Offers is not null && report.Frontier is { } reduced && LoadPolicies(console, s with { Offers = null }) is { } full)
                {
                    // The chart marks the policy's whole ranked set, not the reduced one the table needed.
                    var again = new List<AccountResult>();
                    await foreach (var result in Runner(s, full).RunAsync(reduced.Results.Select(r => r.Item), CancellationToken.None).ConfigureAwait(false))
                    {
                        again.Add(result);
                    }

                    report = report with { Frontier = new FrontierCase([.. again.OrderBy(r => r.Item.PolicyIndex)]) };
                    console.MarkupLineInterpolated(
                        $"Frontera: la cuenta {again[0].Item.Input.AccountId} se resolvió de nuevo con el offer_count de cada política ({string.Join(", ", again.OrderBy(r => r.Item.PolicyIndex).Select(r => $"{r.Offers.Count} ofertas"))}).");
                }

                var drawn = DrawCharts(console, s, policies, report);
                if (s.Report is { } html)
                {
                    using (var writer = CommandRunner.CreateText(html))
                    {
                        await writer.WriteAsync(HtmlReport.Render(report, [.. policies.Select(p => p.Label)], currency, drawn)).ConfigureAwait(false);
                    }

                    console.MarkupLineInterpolated($"Informe: [bold]{html}[/]");
                }
            }

            return 0;
        });

    /// <summary>Running servers (balanced, with retries) when addresses were given, else the engine in this process.</summary>
    private static IAccountRunner Runner(SimulateSettings s, List<SimulationPolicy> policies) => s.Servers.Count > 0
        ? new ServerRunner(ServerTargets.Parse(s.Servers), policies, s.CallsPerServer)
        : new InProcessRunner(new CpSatOfferEngine(), policies, s.Parallelism);

    /// <summary>The policy files, validated as the server validates them; null (after printing every problem) when any is invalid.</summary>
    private static List<SimulationPolicy>? LoadPolicies(IAnsiConsole console, SimulateSettings s)
    {
        var paths = s.Challenger is null ? new[] { s.Policy } : [s.Policy, s.Challenger];
        var policies = new List<SimulationPolicy>();
        var valid = true;
        foreach (var path in paths)
        {
            var message = PolicyFiles.Read(path);
            if (s.TimeLimitMs is { } ms)
            {
                message.SolveTimeLimitMs = ms;
            }

            if (s.Offers is { } count)
            {
                message.OfferCount = count;
            }

            var problems = PolicyFiles.Problems(message);
            foreach (var p in problems)
            {
                console.MarkupLineInterpolated($"[red]{path}[/]: {p.Field}: {p.Description}");
            }

            valid &= problems.Count == 0;
            var label = Path.GetFileNameWithoutExtension(path);
            policies.Add(new SimulationPolicy(policies.Exists(p => p.Label == label) ? label + "-2" : label, message));
        }

        return valid ? policies : null;
    }

    /// <summary>The accounts (lazily), how many will be simulated, and the portfolio's one currency.</summary>
    private static (IEnumerable<PortfolioAccount> Accounts, long Total, Currency Currency) Portfolio(SimulateSettings s)
    {
        var limit = s.Limit ?? int.MaxValue;
        if (limit < 1)
        {
            throw new ArgumentException("--limit debe ser al menos 1.");
        }

        if (s.Portfolio is { } path)
        {
            if (s.Synthetic is not null)
            {
                throw new ArgumentException("use --portfolio o --synthetic, no ambos.");
            }

            if (s.AsOf is not null)
            {
                throw new ArgumentException("--as-of es solo para --synthetic: la cartera CSV trae la fecha de valuación de cada cuenta (columna as_of).");
            }

            // A first pass checks every row and the currency, and counts the accounts for the progress bar.
            long count = 0;
            var currencies = new HashSet<Currency>();
            using (var reader = File.OpenText(path))
            {
                foreach (var account in PortfolioCsv.Stream(reader))
                {
                    count++;
                    currencies.Add(account.Account.Currency);
                }
            }

            return currencies.Count switch
            {
                0 => throw new FormatException($"{path}: la cartera no tiene cuentas."),
                > 1 => throw new FormatException($"{path}: la cartera mezcla monedas ({string.Join(", ", currencies.Select(c => c.Code))}); simule una moneda por vez."),
                _ => (ReadLazily(path).Take(limit), Math.Min(count, limit), currencies.Single()),
            };
        }

        if (s.Synthetic is not { } n || n < 1)
        {
            throw new ArgumentException("indique --portfolio archivo.csv o --synthetic N (N ≥ 1).");
        }

        if (s.AsOf is not { } asOf)
        {
            throw new ArgumentException("indique --as-of YYYY-MM-DD con --synthetic: la fecha de valuación no se toma de hoy, para que la corrida se pueda repetir.");
        }

        if (!Currency.TryFromCode(s.Currency.ToUpperInvariant(), out var currency))
        {
            throw new FormatException($"moneda '{s.Currency}' no soportada; use una de {string.Join(", ", Currency.SupportedCodes)}.");
        }

        var total = Math.Min(n, limit);
        return (SyntheticPortfolio.Generate(total, s.Seed, currency, asOf), total, currency);
    }

    private static IEnumerable<PortfolioAccount> ReadLazily(string path)
    {
        using var reader = File.OpenText(path);
        foreach (var account in PortfolioCsv.Stream(reader))
        {
            yield return account;
        }
    }

    private static Spectre.Console.Progress Progress(IAnsiConsole console) => console.Progress()
        .AutoClear(false)
        .Columns(
            new TaskDescriptionColumn(),
            new ProgressBarColumn(),
            new PercentageColumn(),
            new ElapsedTimeColumn(),
            new RemainingTimeColumn(),
            new SpinnerColumn());

    private static void Report(IAnsiConsole console, SimulateSettings s, SimulationReport report, long total, int policies)
    {
        var seconds = Math.Max(0.001, report.Elapsed.TotalSeconds);
        var rate = report.Accounts / seconds;
        console.MarkupLineInterpolated(
            $"{Display.Count(report.Accounts)} de {Display.Count(total)} cuentas en {Display.Number(seconds, 1)} s: {Display.Number(rate, 2)} cuentas/s ({Display.Number(rate * policies, 2)} resoluciones/s).");
        if (report.StoppedEarly)
        {
            var eta = rate > 0 ? TimeSpan.FromSeconds(total / rate) : TimeSpan.Zero;
            console.MarkupLineInterpolated(
                $"[yellow]Corte anticipado[/] (--max-seconds o cancelación): la cartera completa tomaría unos {Display.Number(eta.TotalMinutes, 0)} min a este ritmo.");
        }

        var notProven = report.Tallies.Sum(t => t.NotProven);
        if (notProven > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]{Display.Count(notProven)}[/] resoluciones cortadas por el límite de tiempo (sin óptimo probado){(s.TimeLimitMs is { } ms ? $", límite {ms} ms" : string.Empty)}.");
        }

        if (s.Out is { } path)
        {
            console.MarkupLineInterpolated($"Resultados por cuenta en [bold]{path}[/].");
        }
    }

    /// <summary>The histogram and each policy's frontier chart, saved into --charts when given; returned for the report.</summary>
    private static List<Chart> DrawCharts(IAnsiConsole console, SimulateSettings s, List<SimulationPolicy> policies, SimulationReport report)
    {
        var charts = new List<Chart> { SimulationCharts.RecoveryHistogram(report.Tallies) };
        if (report.Frontier is { } frontier)
        {
            charts.AddRange(frontier.Results.Select(r => SimulationCharts.Frontier(policies[r.Item.PolicyIndex], r, policies.Count)));
        }
        else
        {
            console.MarkupLineInterpolated(
                $"Sin gráfico de frontera: {(s.FrontierAccount is null ? "ninguna cuenta simulada tuvo ofertas" : $"la cuenta {s.FrontierAccount} no está entre las simuladas")}.");
        }

        if (s.Charts is { } folder)
        {
            foreach (var chart in charts)
            {
                console.MarkupLineInterpolated($"Gráfico: [bold]{chart.SaveTo(folder)}[/]");
            }
        }

        return charts;
    }

    private static Option<int> Positive(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"{name} debe ser al menos 1."); } } },
    };
}
