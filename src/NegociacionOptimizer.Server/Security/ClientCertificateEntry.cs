namespace NegociacionOptimizer.Server.Security;

/// <summary>One client certificate accepted over mTLS, pinned by its SHA-256 thumbprint, with its holder and role.</summary>
public sealed class ClientCertificateEntry
{
    /// <summary>Holder's name, written in the call log.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Role: agent, analyst or admin.</summary>
    public string Role { get; init; } = string.Empty;

    /// <summary>Hex SHA-256 of the certificate's DER bytes (64 digits; colons and spaces are ignored).</summary>
    public string Sha256Thumbprint { get; init; } = string.Empty;
}
