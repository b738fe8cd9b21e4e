namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// Who may call and how the server proves what it issued: the configuration section <c>Security</c> (a JSON file given
/// with <c>--config</c>, environment variables such as <c>Security__ApiKeys__0__Sha256</c>, or <c>--Security:…</c>
/// arguments). docs/SECURITY.md describes every setting and how to rotate it.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Security";

    /// <summary>API keys: each a name, a role and the SHA-256 of the key (the key itself is never stored).</summary>
    public IList<ApiKeyEntry> ApiKeys { get; init; } = [];

    /// <summary>Client certificates accepted over mTLS: each a SHA-256 thumbprint, a name and a role.</summary>
    public IList<ClientCertificateEntry> ClientCertificates { get; init; } = [];

    /// <summary>The server's TLS certificate (PEM or PFX); null = cleartext HTTP/2 only.</summary>
    public CertificateFile? Certificate { get; init; }

    /// <summary>Keys that sign offers; empty = one key created and kept in the data folder.</summary>
    public OfferSigningOptions OfferSigning { get; init; } = new();

    /// <summary>
    /// Secret (base64, at least 32 bytes) of the keyed account reference in logs; null = one created and kept in the data
    /// folder.
    /// </summary>
    public string? AccountRefSecret { get; init; }

    /// <summary>Whether gRPC server reflection is served (open to every caller, like health).</summary>
    public bool Reflection { get; init; } = true;

    /// <summary>True when any caller credential (an API key or a client certificate) is configured.</summary>
    public bool HasCredentials => ApiKeys.Count > 0 || ClientCertificates.Count > 0;
}
