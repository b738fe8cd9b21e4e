using System.Net;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi.Models;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
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
using NegociacionOptimizer.Ledger;
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

    private ServerHost(WebApplication app, Listeners listeners, TimeSpan shutdownTimeout)
    {
        _app = app;
        _shutdownTimeout = shutdownTimeout;
        Addresses = listeners.GrpcAddresses;
        HttpAddresses = listeners.HttpAddresses;
        HealthAddresses = listeners.HealthAddresses;
    }

    /// <summary>The addresses the server listens on (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first address, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address => Addresses[0];

    /// <summary>The HTTP port's addresses (JSON over HTTP, OpenAPI, metrics); empty when it is off.</summary>
    public IReadOnlyList<Uri> HttpAddresses { get; }

    /// <summary>The health port's address (gRPC health only, cleartext); empty when there is none.</summary>
    public IReadOnlyList<Uri> HealthAddresses { get; }

    /// <summary>The Prometheus scrape path on the HTTP port.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The OpenAPI document's name: <c>/openapi/v1.json</c>.</summary>
    public const string OpenApiDocument = "v1";

    /// <summary>The application's services (the solve gate's counters, for instance).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Builds the application: security, services, the engine, the limits and the endpoints.
    /// <paramref name="configuration"/> (from <see cref="ServerConfiguration.Read"/>) is added to the application's, for
    /// the sections other components read (e.g. <c>Logging</c>). <paramref name="configureServices"/> runs last, so tests
    /// can replace the engine or add a log provider. A setting outside its range, or a configuration that would expose
    /// the service (a non-loopback address without credentials or TLS) or is malformed throws
    /// <see cref="StartupRefusedException"/>.
    /// </summary>
    public static WebApplication Build(ServerOptions options, IConfiguration? configuration = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The same check as ValidateOnStart's (registered below), first: nothing is built or loaded from a bad setting.
        ServerConfiguration.Validate(options);
        var builder = WebApplication.CreateSlimBuilder();
        if (configuration is not null)
        {
            builder.Configuration.AddConfiguration(configuration);
        }

        var security = options.Security ?? SecurityFromFile(options.ConfigFile);
        options = options with { Security = security };
        SecurityStartup.Check(security, options);
        var listeners = new Listeners();
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

            listeners.Configure(kestrel, options);
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxRequestBytes;
            // Outermost first: the call log sees the status the error mapping produced.
            grpc.Interceptors.Add<CallLogInterceptor>();
            grpc.Interceptors.Add<UnexpectedErrorInterceptor>();
        }).AddJsonTranscoding(json =>
        {
            // Without the detail types in the registry a rich error cannot be written as JSON (HTTP 500, empty body).
            json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor, PreconditionFailure.Descriptor);
        });
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton<ServerMetrics>();
        AddTelemetry(builder.Services, options);
        if (options.HttpEnabled)
        {
            builder.Services.AddGrpcSwagger();
            builder.Services.AddSwaggerGen(swagger =>
            {
                swagger.SwaggerDoc(OpenApiDocument, new OpenApiInfo { Title = "NegociacionOptimizer", Version = OpenApiDocument });
                // The proto comments, as the generated code's XML documentation, describe every operation and field.
                swagger.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "NegociacionOptimizer.Api.xml"));
                swagger.IncludeGrpcXmlComments(Path.Combine(AppContext.BaseDirectory, "NegociacionOptimizer.Api.xml"), includeControllerXmlComments: true);
            });
        }
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
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidation>();
        builder.Services.AddSingleton<IOptionsFactory<ServerOptions>>(sp => new ServerOptionsFactory(options,
            sp.GetServices<IConfigureOptions<ServerOptions>>(), sp.GetServices<IPostConfigureOptions<ServerOptions>>(), sp.GetServices<IValidateOptions<ServerOptions>>()));
        builder.Services.AddOptions<ServerOptions>().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new SolveRunner(options.MaxConcurrentSolves, options.SolveQueueLength, sp.GetRequiredService<TimeProvider>()));
        var policiesFolder = options.PoliciesFolder is { } folder ? new PolicyFolder(Path.GetFullPath(folder)) : null;
        var ledger = builder.Services.AddLedger(options);
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

        app.UseHealthPortGuard(listeners);
        // Callers are known before any body is read: an unauthenticated caller cannot make the guard buffer a message.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMessageGuard(options.MaxRequestBytes);
        app.UseJsonBodyLimit(options.MaxRequestBytes);
        app.MapGrpcService<OfferGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcService<PlanGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (options.HttpEnabled)
        {
            app.MapSwagger("/openapi/{documentName}.json").AllowAnonymous();
            // Counts and timings only, no personal data: open to the scraper like health.
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        }
        if (security.Reflection)
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }

    /// <summary>
    /// OpenTelemetry: ASP.NET Core's (and so gRPC's) request traces and metrics and <see cref="ServerMetrics"/>, scraped
    /// by Prometheus at <see cref="MetricsPath"/> on the HTTP port and sent to an OTLP collector when one is configured.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, ServerOptions options)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("negociacion-server", serviceVersion: ServerConfiguration.Version()))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(ServerMetrics.MeterName, LedgerMetrics.MeterName);
                if (options.HttpEnabled)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            // Request bodies are never recorded; the paths carry a method, a policy id or a plan id, never an account.
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(options.OtlpProtocol, new Uri(endpoint));
        }
    }

    private static SecurityOptions SecurityFromFile(string? configFile) => configFile is null
        ? new SecurityOptions()
        : new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false).Build()
            .GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No caller credentials configured: listening on loopback only, every local caller is the local admin (see docs/SECURITY.md to configure API keys or client certificates)")]
    private static partial void LogLocalAdmin(ILogger logger);

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<ServerHost> StartAsync(
        ServerOptions options, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var app = Build(options, null, configureServices);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ServerHost(app, app.Services.GetRequiredService<Listeners>(), options.ShutdownTimeout);
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
