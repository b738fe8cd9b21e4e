using System.Globalization;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>How the server listens and the limits that bound the work one caller can cause.</summary>
public sealed record ServerOptions
{
    /// <summary>Default port on 127.0.0.1.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Environment variable that sets the port.</summary>
    public const string PortVariable = "NEGOCIACION_PORT";

    /// <summary>Environment variable that sets <see cref="MaxConcurrentSolves"/>.</summary>
    public const string ConcurrencyVariable = "NEGOCIACION_MAX_CONCURRENT_SOLVES";

    /// <summary>Environment variable that sets <see cref="SolveQueueLength"/>.</summary>
    public const string QueueVariable = "NEGOCIACION_SOLVE_QUEUE";

    /// <summary>Environment variable that selects JSON log lines ("json").</summary>
    public const string LogFormatVariable = "NEGOCIACION_LOG_FORMAT";

    /// <summary>Environment variable that sets <see cref="DrainDelay"/> in milliseconds.</summary>
    public const string DrainDelayVariable = "NEGOCIACION_DRAIN_DELAY_MS";

    /// <summary>Default <see cref="DrainDelay"/>: one second.</summary>
    public static readonly TimeSpan DefaultDrainDelay = TimeSpan.FromSeconds(1);

    /// <summary>Largest request message accepted (256 KiB); a larger one is RESOURCE_EXHAUSTED.</summary>
    public const int DefaultMaxRequestBytes = 256 * 1024;

    /// <summary>Items one StreamOffers call may carry; the next one ends the stream with RESOURCE_EXHAUSTED.</summary>
    public const int DefaultMaxStreamItems = 1_000_000;

    /// <summary>Port on 127.0.0.1 (0 = any free port). Ignored when <see cref="Urls"/> is set.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Kestrel URLs, e.g. "http://0.0.0.0:6000;http://[::1]:6000"; every endpoint speaks HTTP/2 only.</summary>
    public string? Urls { get; init; }

    /// <summary>Environment variable that sets the policies folder.</summary>
    public const string PoliciesVariable = "NEGOCIACION_POLICIES";

    /// <summary>Folder of the default policies location, under the current directory.</summary>
    public const string DefaultPoliciesFolder = "policies";

    /// <summary>
    /// Folder of named policy files (<c>&lt;id&gt;.json</c>), watched for changes; null = only the built-in policy.
    /// </summary>
    public string? PoliciesFolder { get; init; }

    /// <summary>Environment variable that sets <see cref="DataFolder"/>.</summary>
    public const string DataVariable = "NEGOCIACION_DATA";

    /// <summary>Environment variable that sets <see cref="ConfigFile"/>.</summary>
    public const string ConfigVariable = "NEGOCIACION_CONFIG";

    /// <summary>
    /// Folder of the server's own data: the secrets the embedded default creates (offer signing key, account reference
    /// key). Default: <c>NegociacionOptimizer</c> under the user's local application data (~/.local/share on Linux),
    /// outside any repository.
    /// </summary>
    public string DataFolder { get; init; } = DefaultDataFolder();

    /// <summary>A JSON configuration file (e.g. the <c>Security</c> section) read after the defaults; null = none.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Environment variable that sets the ledger's connection (<see cref="LedgerOptions.Connection"/>).</summary>
    public const string LedgerVariable = "NEGOCIACION_LEDGER";

    /// <summary>Environment variable that sets <see cref="LedgerOptions.RetentionDays"/>.</summary>
    public const string LedgerRetentionVariable = "NEGOCIACION_LEDGER_RETENTION_DAYS";

    /// <summary>
    /// The ledger (SPEC §8); null = the configuration's <c>Ledger</c> section, else SQLite <c>ledger.db</c> in
    /// <see cref="DataFolder"/> with the defaults of <see cref="LedgerOptions"/>.
    /// </summary>
    public LedgerOptions? Ledger { get; init; }

    /// <summary>Caller credentials, TLS and secrets; null = the configuration's <c>Security</c> section.</summary>
    public SecurityOptions? Security { get; init; }

    /// <summary>StreamOffers items computed at once per stream (more wait, with back-pressure on the caller).</summary>
    public int StreamParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Lowest log level written (tests raise it to keep output short).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>One JSON object per log line (with scopes) instead of plain text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Solves run at once (default: one per core; each solve uses one CP-SAT worker).</summary>
    public int MaxConcurrentSolves { get; init; } = Environment.ProcessorCount;

    /// <summary>Calls that may wait for a solve slot (default: two per core); beyond them, RESOURCE_EXHAUSTED at once.</summary>
    public int SolveQueueLength { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>Largest request message, bytes.</summary>
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>Items one StreamOffers call may carry.</summary>
    public int MaxStreamItems { get; init; } = DefaultMaxStreamItems;

    /// <summary>How long a stopping server lets calls in flight finish before it cancels them (drain delay included).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a stopping server keeps taking new calls after its health turned NOT_SERVING, so load balancers see the
    /// change before Kestrel refuses calls; set it to at least the balancer's health probe interval.
    /// </summary>
    public TimeSpan DrainDelay { get; init; } = DefaultDrainDelay;

    /// <summary>
    /// Options from the command line and environment: <c>--port N</c> (or <c>--port=N</c>), else <c>NEGOCIACION_PORT</c>,
    /// else 5080; <c>--urls U</c> (or <c>--urls=U</c>) overrides the port; <c>--policies DIR</c>, else
    /// <c>NEGOCIACION_POLICIES</c>, else <c>policies</c> under <paramref name="currentDirectory"/> when it exists
    /// (else only the built-in policy); <c>--max-concurrent-solves N</c> / <c>NEGOCIACION_MAX_CONCURRENT_SOLVES</c>;
    /// <c>--solve-queue N</c> / <c>NEGOCIACION_SOLVE_QUEUE</c>; <c>--log-format json</c> / <c>NEGOCIACION_LOG_FORMAT=json</c>;
    /// <c>--drain-delay-ms N</c> / <c>NEGOCIACION_DRAIN_DELAY_MS</c> (0..60000); <c>--data DIR</c> /
    /// <c>NEGOCIACION_DATA</c>; <c>--config FILE</c> / <c>NEGOCIACION_CONFIG</c>; <c>--ledger CONNECTION</c> /
    /// <c>NEGOCIACION_LEDGER</c>; <c>--ledger-retention-days N</c> / <c>NEGOCIACION_LEDGER_RETENTION_DAYS</c>.
    /// Unknown arguments are left to ASP.NET Core.
    /// </summary>
    public static ServerOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment, string? currentDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new ServerOptions { PoliciesFolder = DefaultPolicies(environment, currentDirectory) };
        if (int.TryParse(environment(PortVariable), out var fromEnvironment))
        {
            options = options with { Port = fromEnvironment };
        }

        if (environment(ConcurrencyVariable) is { } concurrency)
        {
            options = options with { MaxConcurrentSolves = Count(ConcurrencyVariable, concurrency, 1) };
        }

        if (environment(QueueVariable) is { } queue)
        {
            options = options with { SolveQueueLength = Count(QueueVariable, queue, 0) };
        }

        if (environment(LogFormatVariable) is { } format)
        {
            options = options with { JsonLogs = IsJson(LogFormatVariable, format) };
        }

        if (environment(DrainDelayVariable) is { } drain)
        {
            options = options with { DrainDelay = Milliseconds(DrainDelayVariable, drain) };
        }

        if (environment(DataVariable) is { Length: > 0 } data)
        {
            options = options with { DataFolder = data };
        }

        if (environment(ConfigVariable) is { Length: > 0 } config)
        {
            options = options with { ConfigFile = config };
        }

        if (environment(LedgerVariable) is { Length: > 0 } ledger)
        {
            options = options with { Ledger = (options.Ledger ?? new LedgerOptions()) with { Connection = ledger } };
        }

        if (environment(LedgerRetentionVariable) is { } retention)
        {
            options = options with { Ledger = (options.Ledger ?? new LedgerOptions()) with { RetentionDays = Days(LedgerRetentionVariable, retention) } };
        }

        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args, ref i);
            options = name switch
            {
                "--port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535 => options with { Port = port },
                "--port" => throw new ArgumentException($"--port needs a number 0..65535; got \"{value}\"."),
                "--urls" when !string.IsNullOrWhiteSpace(value) => options with { Urls = value },
                "--policies" when !string.IsNullOrWhiteSpace(value) => options with { PoliciesFolder = value },
                "--policies" => throw new ArgumentException("--policies needs a folder."),
                "--max-concurrent-solves" => options with { MaxConcurrentSolves = Count(name, value, 1) },
                "--solve-queue" => options with { SolveQueueLength = Count(name, value, 0) },
                "--log-format" => options with { JsonLogs = IsJson(name, value) },
                "--drain-delay-ms" => options with { DrainDelay = Milliseconds(name, value) },
                "--data" when !string.IsNullOrWhiteSpace(value) => options with { DataFolder = value },
                "--data" => throw new ArgumentException("--data needs a folder."),
                "--config" when !string.IsNullOrWhiteSpace(value) => options with { ConfigFile = value },
                "--config" => throw new ArgumentException("--config needs a JSON file."),
                "--ledger" when !string.IsNullOrWhiteSpace(value) => options with { Ledger = (options.Ledger ?? new LedgerOptions()) with { Connection = value } },
                "--ledger" => throw new ArgumentException("--ledger needs a PostgreSQL connection string or a SQLite file."),
                "--ledger-retention-days" => options with { Ledger = (options.Ledger ?? new LedgerOptions()) with { RetentionDays = Days(name, value) } },
                _ => options,
            };
        }

        return options;
    }

    private static string? DefaultPolicies(Func<string, string?> environment, string? currentDirectory)
    {
        if (environment(PoliciesVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var local = Path.Combine(currentDirectory ?? Environment.CurrentDirectory, DefaultPoliciesFolder);
        return Directory.Exists(local) ? local : null;
    }

    private static string DefaultDataFolder()
    {
        // Never a relative path (it would land in the working directory, often the repository): without a user data
        // folder (no HOME), a per-user folder under the temporary directory.
        var user = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.IsPathRooted(user)
            ? Path.Combine(user, "NegociacionOptimizer")
            : Path.Combine(Path.GetTempPath(), $"NegociacionOptimizer-{Environment.UserName}");
    }

    private static int Count(string name, string? value, int min) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= 1024
            ? n
            : throw new ArgumentException($"{name} needs a number {min}..1024; got \"{value}\".");

    private static int Days(string name, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650
            ? days
            : throw new ArgumentException($"{name} needs a number of days 1..3650; got \"{value}\".");

    private static TimeSpan Milliseconds(string name, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 60_000
            ? TimeSpan.FromMilliseconds(ms)
            : throw new ArgumentException($"{name} needs milliseconds 0..60000; got \"{value}\".");

    private static bool IsJson(string name, string? value) => value switch
    {
        "json" => true,
        "text" => false,
        _ => throw new ArgumentException($"{name} must be \"json\" or \"text\"; got \"{value}\"."),
    };

    private static (string Name, string? Value) Split(IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        if (arg is "--port" or "--urls" or "--policies" or "--max-concurrent-solves" or "--solve-queue" or "--log-format"
            or "--drain-delay-ms" or "--data" or "--config" or "--ledger" or "--ledger-retention-days")
        {
            return (arg, i + 1 < args.Count ? args[++i] : null);
        }

        return (arg, null);
    }
}
