using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Optimization.Counter;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The real Kestrel gRPC server (HTTP/2 cleartext): OfferService, PolicyService, gRPC health and server reflection.
/// <c>Program</c> runs it; tests start it in-process on a free loopback port and stop it.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The addresses the server listens on (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first address, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address => Addresses[0];

    /// <summary>Builds the application: services, the engine and the endpoints.</summary>
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            if (options.Urls is null)
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
            }
        });
        if (options.Urls is not null)
        {
            builder.WebHost.UseUrls(options.Urls);
        }

        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<UnexpectedErrorInterceptor>());
        // Checked on demand (no cache) so a fresh server answers SERVING at once; the process answering is the check.
        builder.Services.AddGrpcHealthChecks(health => health.UseHealthChecksCache = false)
            .AddCheck("offers", () => HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new PolicyStore(
            options.PoliciesFolder is { } folder ? new PolicyFolder(Path.GetFullPath(folder)) : null,
            sp.GetRequiredService<ILogger<PolicyStore>>()));
        builder.Services.AddSingleton<IPolicyStore>(sp => sp.GetRequiredService<PolicyStore>());
        builder.Services.AddSingleton<PolicyRouter>();
        builder.Services.AddSingleton(new StreamOptions(options.StreamParallelism));
        builder.Services.AddSingleton<IOfferEngine, CpSatOfferEngine>();
        builder.Services.AddSingleton<OfferPipeline>();
        builder.Services.AddSingleton<ICounterOfferSearch, CounterOfferSearch>();
        builder.Services.AddSingleton<ProposalEvaluator>();

        var app = builder.Build();
        // Load the policies now, so start-up logs what was loaded or rejected and a missing folder stops the start.
        app.Services.GetRequiredService<PolicyStore>();
        app.MapGrpcService<OfferGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<ServerHost> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var app = Build(options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no address.");
        return new ServerHost(app, [.. addresses.Select(a => new Uri(a))]);
    }

    /// <summary>Stops the server, letting calls in flight finish for up to five seconds.</summary>
    public async Task StopAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
