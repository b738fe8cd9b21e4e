using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Server.Security;
using OpenTelemetry.Exporter;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// How the server listens and the limits that bound the work one caller can cause: the configuration section
/// <c>Negociacion</c>. Each public settable property is one setting, with its default here, its range as an attribute
/// and its switch in <see cref="SettingAttribute"/>; <see cref="ServerConfiguration"/> reads them from appsettings.json,
/// the environment and the command line, checks them and prints them for <c>--help</c>.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Configuration section of these settings.</summary>
    public const string Section = "Negociacion";

    /// <summary>Default port on 127.0.0.1.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Default port of JSON over HTTP, the OpenAPI document and /metrics, on 127.0.0.1.</summary>
    public const int DefaultHttpPort = 5081;

    /// <summary>Older environment variable that sets the port.</summary>
    public const string PortVariable = "NEGOCIACION_PORT";

    /// <summary>Older environment variable that sets <see cref="PoliciesFolder"/>.</summary>
    public const string PoliciesVariable = "NEGOCIACION_POLICIES";

    /// <summary>Older environment variable that sets <see cref="DataFolder"/>.</summary>
    public const string DataVariable = "NEGOCIACION_DATA";

    /// <summary>Older environment variable that sets <see cref="ConfigFile"/>.</summary>
    public const string ConfigVariable = "NEGOCIACION_CONFIG";

    /// <summary>Older environment variable that sets <see cref="LedgerConnection"/>.</summary>
    public const string LedgerVariable = "NEGOCIACION_LEDGER";

    /// <summary>Older environment variable that sets <see cref="LedgerRetentionDays"/>.</summary>
    public const string LedgerRetentionVariable = "NEGOCIACION_LEDGER_RETENTION_DAYS";

    /// <summary>Folder of the default policies location, under the current directory.</summary>
    public const string DefaultPoliciesFolder = "policies";

    /// <summary>Largest request message accepted (256 KiB); a larger one is RESOURCE_EXHAUSTED.</summary>
    public const int DefaultMaxRequestBytes = 256 * 1024;

    /// <summary>Items one StreamOffers call may carry; the next one ends the stream with RESOURCE_EXHAUSTED.</summary>
    public const int DefaultMaxStreamItems = 1_000_000;

    /// <summary>Port on 127.0.0.1 (0 = any free port). Ignored when <see cref="Urls"/> is set.</summary>
    [Setting("--port", "gRPC port on 127.0.0.1 (HTTP/2; 0 = any free port); ignored when Urls is set", Legacy = PortVariable)]
    [Range(0, 65535)]
    public int Port { get; init; } = DefaultPort;

    /// <summary>Kestrel URLs, e.g. "http://0.0.0.0:6000;http://[::1]:6000"; every endpoint speaks HTTP/2 only.</summary>
    [Setting("--urls", "gRPC URLs, ';'-separated (another interface than loopback needs credentials and https://)")]
    public string? Urls { get; init; }

    /// <summary>Whether the HTTP port (JSON over HTTP, <c>/openapi/v1.json</c>, <c>/metrics</c>) is served.</summary>
    [ConfigurationKeyName("Http")]
    [Setting("--http", "serve JSON over HTTP, /openapi/v1.json and /metrics on the HTTP port (false = gRPC only)")]
    public bool HttpEnabled { get; init; } = true;

    /// <summary>Port of the HTTP listener on 127.0.0.1 (0 = any free port). Ignored when <see cref="HttpUrls"/> is set.</summary>
    [Setting("--http-port", "HTTP/1.1 + HTTP/2 port on 127.0.0.1 (https:// when a certificate is configured; 0 = any free port)")]
    [Range(0, 65535)]
    public int HttpPort { get; init; } = DefaultHttpPort;

    /// <summary>URLs of the HTTP listener, e.g. "https://0.0.0.0:6001"; HTTP/1.1 and HTTP/2 (HTTP/2 needs TLS).</summary>
    [Setting("--http-urls", "HTTP URLs, ';'-separated (another interface than loopback needs credentials and https://)")]
    public string? HttpUrls { get; init; }

    /// <summary>
    /// Port on every interface, cleartext HTTP/2, that serves gRPC health and nothing else: what Kubernetes' gRPC probes
    /// (which speak neither TLS nor credentials) can reach; null = none.
    /// </summary>
    [Setting("--health-port", "cleartext HTTP/2 port on every interface serving only gRPC health (Kubernetes probes)", DefaultText = "none")]
    [Range(1, 65535)]
    public int? HealthPort { get; init; }

    /// <summary>OTLP endpoint that receives traces and metrics, e.g. http://otel-collector:4317; null = no export.</summary>
    [Setting("--otlp-endpoint", "OTLP endpoint receiving traces and metrics, e.g. http://otel-collector:4317", DefaultText = "none (no export)")]
    public string? OtlpEndpoint { get; init; }

    /// <summary>How OTLP is sent: gRPC (port 4317 by convention) or HTTP with protobuf bodies (4318).</summary>
    [Setting("--otlp-protocol", "OTLP transport: Grpc or HttpProtobuf")]
    public OtlpExportProtocol OtlpProtocol { get; init; } = OtlpExportProtocol.Grpc;

    /// <summary>
    /// Folder of named policy files (<c>&lt;id&gt;.json</c>), watched for changes; null = only the built-in policy.
    /// </summary>
    [ConfigurationKeyName("Policies")]
    [Setting("--policies", "folder of policy files, hot-reloaded (a folder given that does not exist stops the start)",
        DefaultText = "policies/ under the working folder when it exists, else only the built-in policy", Legacy = PoliciesVariable)]
    public string? PoliciesFolder { get; init; }

    /// <summary>
    /// Folder of the server's own data: the secrets the embedded default creates (offer signing key, account reference
    /// key) and the embedded ledger (<c>ledger.db</c>) when <see cref="LedgerConnection"/> names none. Default: <c>NegociacionOptimizer</c> under the user's local application data (~/.local/share on Linux),
    /// outside any repository.
    /// </summary>
    [ConfigurationKeyName("Data")]
    [Setting("--data", "folder of the secrets the server creates when none is configured, and of the SQLite ledger",
        DefaultText = "~/.local/share/NegociacionOptimizer", Legacy = DataVariable)]
    public string DataFolder { get; init; } = DefaultDataFolder();

    /// <summary>A JSON configuration file (e.g. the <c>Security</c> section) read after appsettings.json; null = none.</summary>
    [ConfigurationKeyName("Config")]
    [Setting("--config", "a JSON configuration file read after appsettings.json (below the environment and the command line)",
        DefaultText = "none", Legacy = ConfigVariable)]
    public string? ConfigFile { get; init; }

    /// <summary>
    /// Where the ledger lives (SPEC §8): a PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>), a SQLite
    /// connection string or a SQLite file; null or empty = SQLite <c>ledger.db</c> in <see cref="DataFolder"/>. May hold
    /// a password: it is never logged or printed.
    /// </summary>
    [ConfigurationKeyName("Ledger")]
    [Setting("--ledger", "the ledger: a PostgreSQL connection string (Host=...) or a SQLite file",
        DefaultText = "ledger.db (SQLite) in the data folder", Legacy = LedgerVariable)]
    public string? LedgerConnection { get; init; }

    /// <summary>
    /// Days an offer set nobody accepted is kept; older ones are pruned at start and daily. Accepted plans, their offer
    /// sets and policy versions are kept.
    /// </summary>
    [Setting("--ledger-retention-days", "days an offer set nobody accepted is kept in the ledger (pruned at start and daily)",
        Legacy = LedgerRetentionVariable)]
    [Range(1, 3650)]
    public int LedgerRetentionDays { get; init; } = 365;

    /// <summary>Most ledger writes committed in one transaction when calls arrive together.</summary>
    [Setting("--ledger-max-batch", "most ledger writes committed in one transaction when calls arrive together")]
    [Range(1, 1000)]
    public int LedgerMaxBatch { get; init; } = SqlLedger.DefaultMaxBatch;

    /// <summary>Solves run at once (default: one per core; each solve uses one CP-SAT worker).</summary>
    [Setting("--max-concurrent-solves", "solves running at once", DefaultText = "one per core", Legacy = "NEGOCIACION_MAX_CONCURRENT_SOLVES")]
    [Range(1, 1024)]
    public int MaxConcurrentSolves { get; init; } = Environment.ProcessorCount;

    /// <summary>Calls that may wait for a solve slot (default: two per core); beyond them, RESOURCE_EXHAUSTED at once.</summary>
    [ConfigurationKeyName("SolveQueue")]
    [Setting("--solve-queue", "calls waiting for a solve slot (beyond them RESOURCE_EXHAUSTED with RetryInfo)",
        DefaultText = "two per core", Legacy = "NEGOCIACION_SOLVE_QUEUE")]
    [Range(0, 1024)]
    public int SolveQueueLength { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>StreamOffers items computed at once per stream (more wait, with back-pressure on the caller).</summary>
    [Setting("--stream-parallelism", "StreamOffers items computed at once per stream", DefaultText = "one per core")]
    [Range(1, 1024)]
    public int StreamParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Plain text lines with scopes, or one JSON object per line.</summary>
    [Setting("--log-format", "log lines: Text (with scopes) or Json (one object per line)", Legacy = "NEGOCIACION_LOG_FORMAT")]
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Lowest log level written.</summary>
    [ConfigurationKeyName("LogLevel")]
    [Setting("--log-level", "lowest log level written: Trace, Debug, Information, Warning, Error, Critical, None")]
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// Milliseconds a stopping server keeps taking new calls after its health turned NOT_SERVING, so load balancers see
    /// the change before Kestrel refuses calls; set it to at least the balancer's health probe interval.
    /// </summary>
    [Setting("--drain-delay-ms", "milliseconds a stopping server still takes new calls after health turned NOT_SERVING",
        Legacy = "NEGOCIACION_DRAIN_DELAY_MS")]
    [Range(0, 60_000)]
    public int DrainDelayMs { get; init; } = 1_000;

    /// <summary>Milliseconds a stopping server lets calls in flight finish before it cancels them (the drain delay included).</summary>
    [Setting("--shutdown-timeout-ms", "milliseconds a stopping server lets calls finish, drain delay included (must exceed it)")]
    [Range(1_000, 300_000)]
    public int ShutdownTimeoutMs { get; init; } = 30_000;

    /// <summary>Caller credentials, TLS and secrets; null = the <c>Security</c> section of <see cref="ConfigFile"/>.</summary>
    public SecurityOptions? Security { get; internal init; }

    /// <summary>Largest request message, bytes.</summary>
    public int MaxRequestBytes { get; internal init; } = DefaultMaxRequestBytes;

    /// <summary>Items one StreamOffers call may carry.</summary>
    public int MaxStreamItems { get; internal init; } = DefaultMaxStreamItems;

    /// <summary>One JSON object per log line (with scopes) instead of plain text.</summary>
    public bool JsonLogs => LogFormat == LogFormat.Json;

    /// <summary><see cref="DrainDelayMs"/> as a time span.</summary>
    public TimeSpan DrainDelay => TimeSpan.FromMilliseconds(DrainDelayMs);

    /// <summary><see cref="ShutdownTimeoutMs"/> as a time span.</summary>
    public TimeSpan ShutdownTimeout => TimeSpan.FromMilliseconds(ShutdownTimeoutMs);

    private static string DefaultDataFolder()
    {
        // Never a relative path (it would land in the working directory, often the repository): without a user data
        // folder (no HOME), a per-user folder under the temporary directory.
        var user = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.IsPathRooted(user)
            ? Path.Combine(user, "NegociacionOptimizer")
            : Path.Combine(Path.GetTempPath(), $"NegociacionOptimizer-{Environment.UserName}");
    }
}
