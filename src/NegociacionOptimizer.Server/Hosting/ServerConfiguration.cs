using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Reads the server's configuration, lowest precedence first: <c>appsettings.json</c> in the working folder, the JSON
/// file of <c>Negociacion:Config</c>, the older <c>NEGOCIACION_PORT</c>-style variables, the environment
/// (<c>NEGOCIACION__PORT</c>, <c>Security__ApiKeys__0__Sha256</c>), and the command line (<c>--port 6000</c>,
/// <c>--Security:Reflection=false</c>). Binds <see cref="ServerOptions"/> and <see cref="SecurityOptions"/>, checks every
/// setting against its range, and prints the settings table for <c>--help</c>.
/// </summary>
public static class ServerConfiguration
{
    /// <summary>The settings file read from the working folder when it exists.</summary>
    public const string SettingsFile = "appsettings.json";

    private static readonly IReadOnlyList<Setting> Settings = [.. typeof(ServerOptions).GetProperties()
        .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SettingAttribute>()))
        .Where(s => s.Attribute is not null)
        .Select(s => new Setting(s.Property, s.Attribute!, s.Property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? s.Property.Name))];

    /// <summary>Whether the arguments ask for the settings table (<c>--help</c>, <c>-h</c>, <c>-?</c>).</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Whether the arguments ask for the version (<c>--version</c>).</summary>
    public static bool AsksForVersion(IReadOnlyList<string> args) => args.Contains("--version");

    /// <summary>
    /// The configuration from the settings files, <paramref name="environment"/> and <paramref name="args"/>; an argument
    /// that is not a known switch, a <c>--Section:Key</c> setting or the value of one throws <see cref="StartupRefusedException"/>.
    /// </summary>
    public static IConfigurationRoot Read(IReadOnlyList<string> args, IDictionary environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        CheckArguments(args);
        var switches = Settings.ToDictionary(s => s.Attribute.CommandLine, s => Key(s), StringComparer.OrdinalIgnoreCase);
        var variables = environment.Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: e.Value as string))
            .Where(e => !string.IsNullOrEmpty(e.Value))
            .ToList();
        var legacy = Settings.Where(s => s.Attribute.Legacy is not null)
            .Select(s => (Key: Key(s), variables.FirstOrDefault(v => v.Name == s.Attribute.Legacy).Value))
            .Where(s => s.Value is not null);

        IConfigurationBuilder Above(IConfigurationBuilder builder) => builder
            .AddInMemoryCollection(legacy.Select(s => KeyValuePair.Create(s.Key, s.Value)))
            .AddInMemoryCollection(variables.Select(v => KeyValuePair.Create(v.Name.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .AddCommandLine([.. args], switches);

        var settingsFile = Path.Combine(currentDirectory, SettingsFile);
        var first = Above(new ConfigurationBuilder().AddJsonFile(settingsFile, optional: true, reloadOnChange: false)).Build();
        var builder = new ConfigurationBuilder().AddJsonFile(settingsFile, optional: true, reloadOnChange: false);
        if (first[$"{ServerOptions.Section}:Config"] is { Length: > 0 } configFile)
        {
            var path = Path.GetFullPath(configFile, currentDirectory);
            if (!File.Exists(path))
            {
                throw new StartupRefusedException($"{ServerOptions.Section}:Config (--config) {path} does not exist.");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        return Above(builder).Build();
    }

    /// <summary>
    /// The server's options from <paramref name="configuration"/>: every setting converted and checked against its
    /// range (all problems in one line of a <see cref="StartupRefusedException"/>), the policies folder defaulting to
    /// <c>policies/</c> under <paramref name="currentDirectory"/> when it exists, and the <c>Security</c> section.
    /// </summary>
    public static ServerOptions Bind(IConfiguration configuration, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ServerOptions.Section);
        var problems = Settings.Select(s => Unconvertible(s, section[s.Key])).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new StartupRefusedException(string.Join("; ", problems));
        }

        ServerOptions options;
        SecurityOptions security;
        try
        {
            options = section.Get<ServerOptions>() ?? new ServerOptions();
            security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupRefusedException(e.InnerException?.Message ?? e.Message, e);
        }

        options = options with
        {
            PoliciesFolder = options.PoliciesFolder is { Length: > 0 } folder ? folder : DefaultPolicies(currentDirectory),
            Security = security,
        };
        Validate(options);
        return options;
    }

    /// <summary>Every setting outside its range, in one line of a <see cref="StartupRefusedException"/>.</summary>
    public static void Validate(ServerOptions options)
    {
        if (new ServerOptionsValidation().Validate(Options.DefaultName, options) is { Failed: true } invalid)
        {
            throw new StartupRefusedException(invalid.FailureMessage);
        }
    }

    /// <summary>Every setting outside its range or otherwise wrong, one text each naming the setting and its switch.</summary>
    public static IReadOnlyList<string> Problems(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var setting in Settings)
        {
            var value = setting.Property.GetValue(options);
            if (setting.Property.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(value))
            {
                problems.Add($"{Name(setting)} must be {range.Minimum}..{range.Maximum}; got {Quote(value)}");
            }
            else if (value is Enum e && !Enum.IsDefined(e.GetType(), e))
            {
                problems.Add($"{Name(setting)} must be one of {string.Join(", ", Enum.GetNames(e.GetType()))}; got {Quote(value)}");
            }
        }

        if (options.ShutdownTimeoutMs <= options.DrainDelayMs)
        {
            problems.Add($"{ServerOptions.Section}:ShutdownTimeoutMs (--shutdown-timeout-ms) must exceed the drain delay ({options.DrainDelayMs} ms); got {options.ShutdownTimeoutMs}");
        }

        if (options.OtlpEndpoint is { } otlp && !(Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            problems.Add($"{ServerOptions.Section}:OtlpEndpoint (--otlp-endpoint) must be an http:// or https:// URL; got \"{otlp}\"");
        }

        return problems;
    }

    /// <summary>The version printed by <c>--version</c> (the assembly's informational version).</summary>
    public static string Version() =>
        typeof(ServerConfiguration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServerConfiguration).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The <c>--help</c> text: every setting with its switch, configuration key, variables, default and range.</summary>
    public static string Help()
    {
        var defaults = new ServerOptions();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"negociacion-server {Version()}: the NegociacionOptimizer gRPC server.")
            .AppendLine()
            .AppendLine("usage: negociacion-server [--setting value]... [--Section:Key=value]...  |  --help  |  --version")
            .AppendLine()
            .AppendLine("Every setting is also a configuration key: in appsettings.json (working folder) or the --config file under")
            .AppendLine($"\"{ServerOptions.Section}\", or the environment variable NEGOCIACION__<KEY>. Precedence, lowest first: appsettings.json,")
            .AppendLine("--config file, older NEGOCIACION_<NAME> variables, NEGOCIACION__<KEY> variables, command line.")
            .AppendLine("Credentials, TLS and secrets are the \"Security\" section (docs/SECURITY.md). A bad value stops the start with")
            .AppendLine("one line and exit code 2.")
            .AppendLine();
        foreach (var setting in Settings)
        {
            var range = setting.Property.GetCustomAttribute<RangeAttribute>() is { } r ? $"; {r.Minimum}..{r.Maximum}" : "";
            var variables = $"NEGOCIACION__{setting.Key.ToUpperInvariant()}" + (setting.Attribute.Legacy is { } legacy ? $", {legacy}" : "");
            var defaultText = setting.Attribute.DefaultText is { } d
                ? $"{d} (here {Quote(setting.Property.GetValue(defaults))})"
                : Quote(setting.Property.GetValue(defaults));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {setting.Attribute.CommandLine,-24}{setting.Attribute.Description}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {"",-24}default {defaultText}{range}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {"",-24}{Key(setting)}; {variables}");
        }

        return text.ToString();
    }

    private static void CheckArguments(IReadOnlyList<string> args)
    {
        var switches = Settings.Select(s => s.Attribute.CommandLine).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || (!switches.Contains(name) && !name.Contains(':', StringComparison.Ordinal)))
            {
                throw new StartupRefusedException($"Unknown argument \"{arg}\" (--help lists every setting).");
            }

            if (!arg.Contains('=', StringComparison.Ordinal) && ++i >= args.Count)
            {
                throw new StartupRefusedException($"{arg} needs a value (--help lists every setting).");
            }
        }
    }

    private static string? Unconvertible(Setting setting, string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(setting.Property.PropertyType) ?? setting.Property.PropertyType;
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!) && !raw.Any(char.IsDigit)
                ? null
                : $"{Name(setting)} must be one of {string.Join(", ", Enum.GetNames(type))}; got \"{raw}\"";
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(raw);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException || e.InnerException is FormatException or OverflowException)
        {
            var range = setting.Property.GetCustomAttribute<RangeAttribute>() is { } r ? $" {r.Minimum}..{r.Maximum}" : "";
            return $"{Name(setting)} must be a whole number{range}; got \"{raw}\"";
        }
    }

    private static string? DefaultPolicies(string currentDirectory)
    {
        var local = Path.Combine(currentDirectory, ServerOptions.DefaultPoliciesFolder);
        return Directory.Exists(local) ? local : null;
    }

    private static string Key(Setting setting) => $"{ServerOptions.Section}:{setting.Key}";

    private static string Name(Setting setting) => $"{Key(setting)} ({setting.Attribute.CommandLine})";

    private static string Quote(object? value) => value switch
    {
        null => "none",
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private sealed record Setting(PropertyInfo Property, SettingAttribute Attribute, string Key);
}
