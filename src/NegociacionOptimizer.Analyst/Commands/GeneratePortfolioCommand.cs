using System.CommandLine;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary><c>generate-portfolio</c>: a seeded synthetic portfolio as CSV.</summary>
internal static class GeneratePortfolioCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var count = CommonOptions.Count("Cantidad de cuentas.");
        var seed = CommonOptions.Seed();
        var currency = new Option<string>("--currency") { Description = "Moneda ISO-4217.", DefaultValueFactory = _ => "COP" };
        var asOf = CommonOptions.AsOf();
        var output = CommonOptions.Out("Archivo CSV de salida.", required: true);
        var command = new Command("generate-portfolio", "Genera una cartera sintética realista (CSV) para simular políticas.")
        {
            count, seed, currency, asOf, output,
        };
        command.SetAction(r => Run(console, r.GetValue(count), r.GetValue(seed), r.GetValue(currency)!, r.GetValue(asOf), r.GetValue(output)!));
        return command;
    }

    public static int Run(IAnsiConsole console, int count, int seed, string currencyCode, DateOnly asOf, string output) =>
        CommandRunner.Run(console, () =>
        {
            if (!Currency.TryFromCode(currencyCode.ToUpperInvariant(), out var currency))
            {
                throw new FormatException(
                    $"moneda '{currencyCode}' no soportada; use una de {string.Join(", ", Currency.SupportedCodes)}.");
            }

            var portfolio = SyntheticPortfolio.Generate(count, seed, currency, asOf);
            using (var writer = CommandRunner.CreateText(output))
            {
                PortfolioCsv.Write(writer, portfolio);
            }

            var balance = portfolio.Sum(p => (decimal)p.Account.BalanceMinor) / currency.MinorPerMajor;
            var review = portfolio.Count(p => p.Inquiry.Reason.RequiresReview());
            console.MarkupLineInterpolated(
                $"Cartera de [bold]{Display.Count(count)}[/] cuentas ({currency.Code}, al {asOf:yyyy-MM-dd}, semilla {seed}) escrita en [bold]{output}[/].");
            console.MarkupLineInterpolated(
                $"Saldo pendiente total {currency.Symbol} {Display.Number((double)balance, 2)}; {Display.Count(review)} cuentas requieren revisión (disputa o fraude).");
            return 0;
        });
}
