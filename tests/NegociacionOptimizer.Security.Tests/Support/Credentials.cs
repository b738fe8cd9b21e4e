using System.Security.Cryptography;
using System.Text;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>The callers of the test servers: one API key per role, and (over TLS) an agent's and an analyst's certificate.</summary>
public static class Credentials
{
    public const string AgentKey = "agent-key-5f1c9a7e0b2d4e6f";
    public const string AnalystKey = "analyst-key-8a3b1c2d4e5f6a7b";
    public const string AdminKey = "admin-key-1d2c3b4a5e6f7a8b";

    /// <summary>One offer signing key, base64 of 32 bytes.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static string Sha256(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The test servers' security: keys for every role, pinned certificates and the server certificate over TLS.</summary>
    public static SecurityOptions Standard(Transport transport, string certificateFolder, bool reflection = true)
    {
        var tls = transport == Transport.Tls;
        var (certificate, key) = tls ? TestCertificates.WritePem(TestCertificates.Server, certificateFolder) : (string.Empty, string.Empty);
        return new SecurityOptions
        {
            ApiKeys =
            [
                new ApiKeyEntry { Name = "agents", Role = Roles.Agent, Sha256 = Sha256(AgentKey) },
                new ApiKeyEntry { Name = "analysts", Role = Roles.Analyst, Sha256 = Sha256(AnalystKey) },
                new ApiKeyEntry { Name = "admins", Role = Roles.Admin, Sha256 = Sha256(AdminKey).ToLowerInvariant() },
            ],
            ClientCertificates = tls
                ?
                [
                    new ClientCertificateEntry { Name = "agent-tool", Role = Roles.Agent, Sha256Thumbprint = TestCertificates.Sha256(TestCertificates.AgentClient) },
                    new ClientCertificateEntry { Name = "analyst-desk", Role = Roles.Analyst, Sha256Thumbprint = TestCertificates.Sha256(TestCertificates.AnalystClient) },
                ]
                : [],
            Certificate = tls ? new CertificateFile { Path = certificate, KeyPath = key } : null,
            OfferSigning = new OfferSigningOptions { Keys = new Dictionary<string, string> { ["k1"] = SigningKey } },
            Reflection = reflection,
        };
    }

    /// <summary>Client credentials for a transport: the API key, a client certificate, and the server certificate as root over TLS.</summary>
    public static ClientCredentials For(Transport transport, string? apiKey = null, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null) =>
        new(apiKey, certificate, transport == Transport.Tls ? TestCertificates.Server : null);
}
