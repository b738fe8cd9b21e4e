namespace NegociacionOptimizer.Server.Security;

/// <summary>Where the server's TLS certificate is: a PEM certificate with its PEM key, or a PFX (PKCS#12) file.</summary>
public sealed class CertificateFile
{
    /// <summary>Path of the certificate: <c>.pem</c>/<c>.crt</c> (with <see cref="KeyPath"/>) or <c>.pfx</c>/<c>.p12</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>PEM private key of a PEM certificate; null when the key is in the same PEM file.</summary>
    public string? KeyPath { get; init; }

    /// <summary>Password of a PFX file, or of an encrypted PEM key; null = none.</summary>
    public string? Password { get; init; }
}
