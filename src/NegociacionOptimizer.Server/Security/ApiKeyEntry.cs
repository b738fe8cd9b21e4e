namespace NegociacionOptimizer.Server.Security;

/// <summary>One API key as configured: who holds it, their role and the key's SHA-256 (hex).</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Holder's name, written in the call log instead of the key (e.g. "crm-agents").</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Role: agent, analyst or admin.</summary>
    public string Role { get; init; } = string.Empty;

    /// <summary>Lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (64 digits).</summary>
    public string Sha256 { get; init; } = string.Empty;
}
