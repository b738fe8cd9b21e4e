namespace NegociacionOptimizer.Server.Hosting;

/// <summary>How the server listens.</summary>
public sealed record ServerOptions
{
    /// <summary>Default port on 127.0.0.1.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Environment variable that sets the port.</summary>
    public const string PortVariable = "NEGOCIACION_PORT";

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

    /// <summary>StreamOffers items computed at once per stream (more wait, with back-pressure on the caller).</summary>
    public int StreamParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Lowest log level written (tests raise it to keep output short).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// Options from the command line and environment: <c>--port N</c> (or <c>--port=N</c>), else <c>NEGOCIACION_PORT</c>,
    /// else 5080; <c>--urls U</c> (or <c>--urls=U</c>) overrides the port; <c>--policies DIR</c>, else
    /// <c>NEGOCIACION_POLICIES</c>, else <c>policies</c> under <paramref name="currentDirectory"/> when it exists
    /// (else only the built-in policy). Unknown arguments are left to ASP.NET Core.
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

    private static (string Name, string? Value) Split(IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        if (arg is "--port" or "--urls" or "--policies")
        {
            return (arg, i + 1 < args.Count ? args[++i] : null);
        }

        return (arg, null);
    }
}
