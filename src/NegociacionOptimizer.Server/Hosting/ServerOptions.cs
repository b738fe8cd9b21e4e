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

    /// <summary>Lowest log level written (tests raise it to keep output short).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// Options from the command line and environment: <c>--port N</c> (or <c>--port=N</c>), else <c>NEGOCIACION_PORT</c>,
    /// else 5080; <c>--urls U</c> (or <c>--urls=U</c>) overrides the port. Unknown arguments are left to ASP.NET Core.
    /// </summary>
    public static ServerOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new ServerOptions();
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
                _ => options,
            };
        }

        return options;
    }

    private static (string Name, string? Value) Split(IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        if (arg is "--port" or "--urls")
        {
            return (arg, i + 1 < args.Count ? args[++i] : null);
        }

        return (arg, null);
    }
}
