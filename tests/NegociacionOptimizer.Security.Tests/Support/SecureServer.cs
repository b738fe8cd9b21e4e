using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>
/// A real server on a free loopback port (h2c or TLS) with its own data folder, a log capture at the chosen level and a
/// fake security clock (offer expiry, refusal log), called through the sample client's channels.
/// </summary>
public sealed class SecureServer : IAsyncDisposable
{
    private SecureServer(ServerHost host, Transport transport, string folder, LogCapture logs, FakeTimeProvider clock)
    {
        Host = host;
        Transport = transport;
        Folder = folder;
        Logs = logs;
        Clock = clock;
    }

    public ServerHost Host { get; }

    public Transport Transport { get; }

    /// <summary>The server's temporary folder (data folder under it).</summary>
    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    public LogCapture Logs { get; }

    public FakeTimeProvider Clock { get; }

    public Uri Address => Host.Address;

    /// <summary>Starts a server with <see cref="Credentials.Standard"/> (or <paramref name="security"/>).</summary>
    public static async Task<SecureServer> StartAsync(
        Transport transport,
        Func<string, SecurityOptions>? security = null,
        LogLevel level = LogLevel.Warning,
        Func<ServerOptions, ServerOptions>? options = null,
        Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("negociacion-security-").FullName;
        var logs = new LogCapture();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var settings = new ServerOptions
        {
            Port = 0, HttpPort = 0,
            MinimumLogLevel = level,
            DrainDelayMs = 0,
            DataFolder = Path.Combine(folder, "data"),
            Security = (security ?? (f => Credentials.Standard(transport, f)))(folder),
        };
        var host = await ServerHost.StartAsync(options?.Invoke(settings) ?? settings, s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton(new SecurityClock(clock));
            services?.Invoke(s);
        });
        return new SecureServer(host, transport, folder, logs, clock);
    }

    /// <summary>A client with an API key and/or a client certificate (the server's certificate trusted over TLS).</summary>
    public OfferClient Client(string? apiKey = null, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null) =>
        new(Address, Credentials.For(Transport, apiKey, certificate));

    /// <summary>A bare channel with the same credentials, for other services (health, reflection, raw calls).</summary>
    public GrpcChannel Channel(string? apiKey = null, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null) =>
        Credentials.For(Transport, apiKey, certificate).CreateChannel(Address);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
