using Microsoft.Extensions.Logging;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>One real Kestrel server on a free loopback port per test class, called through the sample client.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerHost? _host;

    public OfferClient Client { get; private set; } = null!;

    public Uri Address => _host!.Address;

    public async Task InitializeAsync()
    {
        // No drain delay: nothing balances across these servers, and each test class would wait it out when stopping.
        _host = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, DrainDelayMs = 0 });
        Client = new OfferClient(_host.Address);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
