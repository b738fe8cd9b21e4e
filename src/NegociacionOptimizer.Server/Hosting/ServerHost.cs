using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Optimization.Counter;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Calendars;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Ledger;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Security;
using NegociacionOptimizer.Server.Services;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The real Kestrel gRPC server (HTTP/2, cleartext or TLS): OfferService, PolicyService, gRPC health and server
/// reflection, behind caller authentication and role policies. <c>Program</c> runs it; tests start it in-process on a
/// free loopback port and stop it.
/// </summary>
public sealed partial class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _shutdownTimeout;

    private ServerHost(WebApplication app, IReadOnlyList<Uri> addresses, TimeSpan shutdownTimeout)
    {
        _app = app;
        _shutdownTimeout = shutdownTimeout;
        Addresses = addresses;
    }

    /// <summary>The addresses the server listens on (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first address, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address => Addresses[0];

    /// <summary>The application's services (the solve gate's counters, for instance).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Builds the application: security, services, the engine, the limits and the endpoints.
    /// <paramref name="configureServices"/> runs last, so tests can replace the engine or add a log provider. A
    /// configuration that would expose the service (a non-loopback address without credentials or TLS) or is malformed
    /// throws <see cref="StartupRefusedException"/>.
    /// </summary>
    public static WebApplication Build(ServerOptions options, string[]? args = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        if (options.ConfigFile is { } configFile)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        var security = options.Security
            ?? builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()
            ?? new SecurityOptions();
        SecurityStartup.Check(security, options);
        var certificate = SecurityStartup.LoadCertificate(security.Certificate);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // gRPC logs a refused call's status detail (which may quote request values) at Information and Kestrel and
        // the authentication handlers log one line per call or connection: only their warnings and errors are kept.
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("NegociacionOptimizer.Server.Security.Authentication", LogLevel.Warning);
        if (options.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(console => console.IncludeScopes = true);
        }

        // Stopping: health turns NOT_SERVING and new calls are still taken for the drain delay (ShutdownDrain); then
        // Kestrel refuses new calls and lets the ones in flight finish, all within the shutdown timeout.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ServerCertificate = certificate;
                    if (security.ClientCertificates.Count > 0)
                    {
                        // Asked for at the handshake, never required there: the authentication handler decides (pins).
                        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                        https.AllowAnyClientCertificate();
                    }
                });
            }

            if (options.Urls is null)
            {
                kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
                {
                    if (certificate is not null)
                    {
                        listen.UseHttps();
                    }
                });
            }
        });
        if (options.Urls is not null)
        {
            // The slim builder leaves out what makes https:// URLs work.
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.UseUrls(options.Urls);
        }

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxRequestBytes;
            // Outermost first: the call log sees the status the error mapping produced.
            grpc.Interceptors.Add<CallLogInterceptor>();
            grpc.Interceptors.Add<UnexpectedErrorInterceptor>();
        });
        // Checked on demand (no cache) so a fresh server answers SERVING at once and a stopping one NOT_SERVING; the
        // whole server ("", every check) and the offer service report the same check.
        builder.Services.AddSingleton<ServingState>();
        builder.Services.AddHostedService<ShutdownDrain>();
        builder.Services.AddGrpcHealthChecks(health =>
            {
                health.UseHealthChecksCache = false;
                health.Services.Map(OfferService.Descriptor.FullName, check => check.Name == ServingState.CheckName);
            })
            .AddCheck<ServingState>(ServingState.CheckName);
        if (security.Reflection)
        {
            builder.Services.AddGrpcReflection();
        }

        builder.Services.AddCallerSecurity(security);
        builder.Services.AddSingleton(new SecurityClock(TimeProvider.System));
        builder.Services.AddSingleton<RefusalLog>();
        builder.Services.AddSingleton(AccountRefs.From(security, options.DataFolder));
        builder.Services.AddSingleton(OfferKeyRing.From(security.OfferSigning, options.DataFolder));
        builder.Services.AddSingleton<OfferSigner>();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new SolveRunner(options.MaxConcurrentSolves, options.SolveQueueLength, sp.GetRequiredService<TimeProvider>()));
        var policiesFolder = options.PoliciesFolder is { } folder ? new PolicyFolder(Path.GetFullPath(folder)) : null;
        var ledger = builder.Services.AddLedger(
            options.Ledger ?? builder.Configuration.GetSection(NegociacionOptimizer.Ledger.LedgerOptions.Section).Get<NegociacionOptimizer.Ledger.LedgerOptions>()
                ?? new NegociacionOptimizer.Ledger.LedgerOptions(),
            options.DataFolder);
        builder.Services.AddSingleton(sp => new PolicyStore(
            policiesFolder, sp.GetRequiredService<ILogger<PolicyStore>>(), sp.GetRequiredService<IPolicyArchive>()));
        builder.Services.AddSingleton(sp => new CalendarOverrideStore(policiesFolder, sp.GetRequiredService<ILogger<CalendarOverrideStore>>()));
        builder.Services.AddSingleton<ICalendarSource>(sp => sp.GetRequiredService<CalendarOverrideStore>());
        builder.Services.AddSingleton<IPolicyStore>(sp => sp.GetRequiredService<PolicyStore>());
        builder.Services.AddSingleton<PolicyRouter>();
        builder.Services.AddSingleton(new StreamOptions(options.StreamParallelism));
        builder.Services.AddSingleton<IOfferEngine, CpSatOfferEngine>();
        builder.Services.AddSingleton<OfferPipeline>();
        builder.Services.AddSingleton<ICounterOfferSearch, CounterOfferSearch>();
        builder.Services.AddSingleton<ProposalEvaluator>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        LedgerSetup.LogOpened(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LedgerSetup).FullName!), ledger);
        // Load the policies and the calendar overrides now, so start-up logs what was loaded or rejected, and a missing
        // folder or an invalid overrides file stops the start.
        app.Services.GetRequiredService<PolicyStore>();
        app.Services.GetRequiredService<CalendarOverrideStore>();
        if (!security.HasCredentials)
        {
            LogLocalAdmin(app.Services.GetRequiredService<ILogger<ServerHost>>());
        }

        // Callers are known before any body is read: an unauthenticated caller cannot make the guard buffer a message.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMessageGuard(options.MaxRequestBytes);
        app.MapGrpcService<OfferGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcService<PlanGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (security.Reflection)
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No caller credentials configured: listening on loopback only, every local caller is the local admin (see docs/SECURITY.md to configure API keys or client certificates)")]
    private static partial void LogLocalAdmin(ILogger logger);

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<ServerHost> StartAsync(
        ServerOptions options, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var app = Build(options, null, configureServices);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no address.");
        return new ServerHost(app, [.. addresses.Select(a => new Uri(a))], options.ShutdownTimeout);
    }

    /// <summary>
    /// Stops the server: health answers NOT_SERVING and new calls are still taken for the drain delay, then refused
    /// (UNAVAILABLE); calls in flight finish for up to the shutdown timeout and are cancelled after it. Safe to call more
    /// than once.
    /// </summary>
    public async Task StopAsync()
    {
        using var grace = new CancellationTokenSource(_shutdownTimeout);
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
