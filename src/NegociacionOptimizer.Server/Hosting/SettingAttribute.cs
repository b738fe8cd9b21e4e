namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Marks a <see cref="ServerOptions"/> property as a setting: its command-line switch, the text <c>--help</c> prints
/// and, when it had one before the configuration section existed, its older environment variable.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingAttribute(string commandLine, string description) : Attribute
{
    /// <summary>The command-line switch, e.g. <c>--port</c>.</summary>
    public string CommandLine { get; } = commandLine;

    /// <summary>What the setting does, for <c>--help</c>.</summary>
    public string Description { get; } = description;

    /// <summary>What <c>--help</c> prints as the default when it is not a constant (e.g. one per core).</summary>
    public string? DefaultText { get; set; }

    /// <summary>The older environment variable (e.g. <c>NEGOCIACION_PORT</c>) still read, below <c>NEGOCIACION__…</c>.</summary>
    public string? Legacy { get; set; }
}
