namespace NegociacionOptimizer.Ledger.Records;

/// <summary>What the ledger made of a policy version it was asked to record.</summary>
public enum PolicyPublication
{
    /// <summary>A new version: recorded, and now the policy's last good version.</summary>
    Published,

    /// <summary>The same content was published under this version before: it is the last good version again.</summary>
    AlreadyPublished,

    /// <summary>This version number was published with other content: refused (a version is never reused).</summary>
    VersionReused,
}
