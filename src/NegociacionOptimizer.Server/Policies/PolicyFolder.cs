namespace NegociacionOptimizer.Server.Policies;

/// <summary>Where named policy files live and how often the folder is looked at.</summary>
/// <param name="Path">The folder of <c>&lt;id&gt;.json</c> files.</param>
public sealed record PolicyFolder(string Path)
{
    /// <summary>Quiet time after the last file event before reloading, so a save in several writes loads once.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Period of the full rescan that catches what file events miss (network shares, lost events).</summary>
    public TimeSpan Rescan { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Files in the folder that are not policies: JSON schemas (e.g. <c>policy.schema.json</c>).</summary>
    public static bool IsPolicyFile(string fileName) =>
        fileName.EndsWith(".json", StringComparison.Ordinal) && !fileName.EndsWith(".schema.json", StringComparison.Ordinal);
}
