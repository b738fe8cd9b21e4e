using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Support;

/// <summary>One real server on free loopback ports (gRPC and HTTP) serving the repository's example policies.</summary>
public sealed class HttpServerFixture : IAsyncLifetime
{
    private ServerHost? _host;

    public ServerHost Host => _host ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A plain HTTP/1.1 client of the HTTP port.</summary>
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        _host = await ServerHost.StartAsync(new ServerOptions
        {
            Port = 0,
            HttpPort = 0,
            DataFolder = TempDataFolder.New(),
            MinimumLogLevel = LogLevel.Warning,
            DrainDelayMs = 0,
            PoliciesFolder = Path.Combine(Programs.RepositoryRoot, "policies"),
        });
        Http.BaseAddress = _host.HttpAddresses[0];
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
