using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>
/// A real server on a loopback port with a ledger of the test's choosing, its own data folder, an optional policies
/// folder, and a fake clock for offer expiry (2026-11-20, the sample requests' as_of); its logs are captured.
/// </summary>
public sealed class LedgerServer : IAsyncDisposable
{
    private LedgerServer(ServerHost host, LogCapture logs)
    {
        Host = host;
        Logs = logs;
        Client = new OfferClient(host.Address);
    }

    public ServerHost Host { get; }

    public LogCapture Logs { get; }

    public OfferClient Client { get; }

    public PlanService.PlanServiceClient Plans => Client.Plans;

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    public static async Task<LedgerServer> StartAsync(
        LedgerConnection ledger, string? dataFolder = null, string? policies = null, FakeTimeProvider? clock = null)
    {
        var logs = new LogCapture();
        var options = new ServerOptions
        {
            Port = 0,
            HttpPort = 0,
            MinimumLogLevel = LogLevel.Information,
            DrainDelayMs = 0,
            DataFolder = dataFolder ?? TempDataFolder.New(),
            PoliciesFolder = policies,
            LedgerConnection = ledger.ConnectionString,
        };
        var host = await ServerHost.StartAsync(options, s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton(new SecurityClock(clock ?? NewClock()));
        });
        return new LedgerServer(host, logs);
    }

    /// <summary>A second handle on the server's ledger, as an operator's tool would open it.</summary>
    public static SqlLedger Open(LedgerConnection ledger) => SqlLedger.Open(ledger, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
