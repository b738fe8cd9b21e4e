using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>Self-signed certificates made in process (CertificateRequest), and their PEM and PFX files.</summary>
public static class TestCertificates
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>The server's certificate: CN=localhost, names localhost and 127.0.0.1.</summary>
    public static X509Certificate2 Server { get; } = Create("localhost", ServerAuth, server: true);

    /// <summary>A client certificate pinned as an agent in <see cref="Credentials"/>.</summary>
    public static X509Certificate2 AgentClient { get; } = Create("agent-tool", ClientAuth, server: false);

    /// <summary>A client certificate pinned as an analyst.</summary>
    public static X509Certificate2 AnalystClient { get; } = Create("analyst-desk", ClientAuth, server: false);

    /// <summary>A client certificate nobody pinned.</summary>
    public static X509Certificate2 Stranger { get; } = Create("stranger", ClientAuth, server: false);

    /// <summary>Hex SHA-256 of the certificate's DER bytes, as Security:ClientCertificates pins it.</summary>
    public static string Sha256(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    /// <summary>Writes the certificate and its key as two PEM files; returns their paths.</summary>
    public static (string Certificate, string Key) WritePem(X509Certificate2 certificate, string folder)
    {
        var certificatePath = Path.Combine(folder, "server.pem");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>Writes the certificate with its key as a password-protected PFX file; returns its path.</summary>
    public static string WritePfx(X509Certificate2 certificate, string folder, string password)
    {
        var path = Path.Combine(folder, "server.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static X509Certificate2 Create(string name, string usage, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        // Through PKCS#12 so the private key is one TLS can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
