using System.Globalization;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Tests.Support;
using Grpc.Net.Client;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Analyst.Tests.Ledger;

/// <summary>
/// The loop of SPEC §8 through the real server: offers generated and accepted, payments and breaks reported, then the
/// behaviour model refitted from the ledger with the same statistics and report as from the exported CSV.
/// </summary>
public sealed class LedgerLoopTests
{
    private const int Accounts = 8;

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task Generate_accept_pay_break_then_refit_from_the_ledger_gives_the_report_of_its_exported_history(string backend)
    {
        var ledger = TestDatabases.Fresh(backend);
        var options = new ServerOptions
        {
            Port = 0,
            HttpPort = 0,
            MinimumLogLevel = LogLevel.Warning,
            DrainDelayMs = 0,
            DataFolder = TestFiles.ScratchFolder(),
            LedgerConnection = ledger.ConnectionString,
        };
        await using (var server = await ServerHost.StartAsync(options))
        {
            using var channel = GrpcChannel.ForAddress(server.Address);
            var client = new Clients(new OfferService.OfferServiceClient(channel), new PlanService.PlanServiceClient(channel));
            for (var i = 0; i < Accounts; i++)
            {
                await LiveOnePlanAsync(client, i);
            }
        }

        var folder = TestFiles.ScratchFolder();
        var exported = Path.Combine(folder, "history.csv");
        var export = Run("ledger", "export", "--ledger", ledger.ConnectionString, "--out", exported);
        var fromLedger = Run("fit-behaviour", "--ledger", ledger.ConnectionString, "--out", Path.Combine(folder, "ledger-fragment.json"));
        var fromCsv = Run("fit-behaviour", "--history", exported, "--out", Path.Combine(folder, "csv-fragment.json"));

        Assert.Equal(0, export.ExitCode);
        using (var reader = File.OpenText(exported))
        {
            var history = HistoryCsv.Read(reader);
            Assert.Equal(Accounts, history.Count);
            Assert.Equal(Accounts / 2, history.Count(r => r.Completed));
            Assert.All(history.Where(r => !r.Completed), r => Assert.True(r.InstallmentsPaid <= 1));
            Assert.Equal(Accounts / 4, history.Count(r => r is { Completed: false, InstallmentsPaid: 0 }));
        }

        Assert.True(fromLedger.ExitCode == 0, fromLedger.Output);
        Assert.Contains($"{Accounts} planes, {Accounts / 2} interrumpidos", fromLedger.Output, StringComparison.Ordinal);
        Assert.Equal(Lines(fromCsv.Output).Select(l => l.Replace("csv-fragment", "ledger-fragment", StringComparison.Ordinal)), Lines(fromLedger.Output).Skip(1));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "csv-fragment.json")), File.ReadAllText(Path.Combine(folder, "ledger-fragment.json")));
    }

    [Fact]
    public void Fit_behaviour_without_a_history_is_refused_and_a_missing_ledger_file_is_one_clear_line()
    {
        var neither = Run("fit-behaviour");
        var missing = Run("ledger", "export", "--ledger", Path.Combine(TestFiles.ScratchFolder(), "none.db"), "--out", Path.Combine(TestFiles.ScratchFolder(), "h.csv"));

        Assert.NotEqual(0, neither.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("Error: No ledger at SQLite", missing.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Account <paramref name="i"/>: accepts a plan of two installments or more; even accounts pay everything, account
    /// 4k + 1 pays the first installment then misses the second and breaks, account 4k + 3 breaks before paying.
    /// </summary>
    private static async Task LiveOnePlanAsync(Clients client, int i)
    {
        var offers = (await client.Offers.GenerateOffersAsync(Request(i))).Offers;
        var offer = offers.Where(o => o.Installments >= 2).OrderBy(o => o.GracePeriods).First();
        var plan = (await client.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = $"loop-accept-{i}", Offer = offer })).Plan;
        var last = plan.Schedule[^1];
        if (i % 2 == 0)
        {
            foreach (var payment in plan.Schedule)
            {
                plan = (await Pay(client, plan.PlanId, payment, PaymentOutcome.Paid, $"loop-{i}-{payment.Number}")).Plan;
            }

            Assert.Equal(PlanStatus.Completed, plan.Status);
            return;
        }

        if (i % 4 == 1)
        {
            foreach (var payment in plan.Schedule.Where(p => p.Number <= 1))
            {
                await Pay(client, plan.PlanId, payment, PaymentOutcome.Paid, $"loop-{i}-{payment.Number}");
            }

            await Pay(client, plan.PlanId, plan.Schedule.Single(p => p.Number == 2), PaymentOutcome.Missed, $"loop-{i}-miss");
        }

        var broken = await client.Plans.ReportBreakAsync(new ReportBreakRequest { IdempotencyKey = $"loop-break-{i}", PlanId = plan.PlanId, BrokeOn = last.DueDate });
        Assert.Equal(PlanStatus.Broken, broken.Plan.Status);
    }

    private static Task<PlanResponse> Pay(Clients client, string planId, PlanPayment payment, PaymentOutcome outcome, string key) =>
        client.Plans.RecordPaymentAsync(new RecordPaymentRequest
        {
            IdempotencyKey = key,
            PlanId = planId,
            Installment = payment.Number,
            Outcome = outcome,
            OnDate = payment.DueDate,
            AmountMinor = outcome == PaymentOutcome.Paid ? payment.AmountMinor : 0,
        }).ResponseAsync;

    /// <summary>A request valued today (the server signs with the real clock), its reason and means varied by account.</summary>
    private static GenerateOffersRequest Request(int i) => new()
    {
        Account = new Account
        {
            AccountId = $"loop-{i}",
            Currency = "COP",
            PrincipalMinor = 200_000_000 + (i * 10_000_000),
            InterestMinor = 10_000_000,
            FeesMinor = 5_000_000,
            DaysPastDue = 100,
            AsOf = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        Inquiry = new Inquiry
        {
            MonthlyIncomeMinor = 400_000_000,
            MonthlyEssentialExpensesMinor = 200_000_000,
            MonthlyOtherDebtPaymentsMinor = 50_000_000 + (i * 5_000_000),
            LumpSumAvailableMinor = 20_000_000,
            IncomeFrequency = Frequency.Monthly,
            PayDay = new PayDay { DayOfMonth = 10 },
            // Broken plans with the reference reason (OTHER) among them: the fit needs them to tell hazards from multipliers.
            Reason = (i % 4) switch { 1 => Reason.JobLoss, 2 => Reason.IncomeReduction, _ => Reason.Other },
        },
    };

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var (console, output) = TestFiles.Console();
        var exitCode = AnalystCli.Create(console).Parse(args).Invoke();
        return (exitCode, output.ToString());
    }

    private sealed record Clients(OfferService.OfferServiceClient Offers, PlanService.PlanServiceClient Plans);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
