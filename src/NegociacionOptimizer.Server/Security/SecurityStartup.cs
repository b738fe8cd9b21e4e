using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The start-up checks of SPEC §7's secure default: every credential entry is well formed, and a listener on a
/// non-loopback address has caller credentials and TLS. Each failure is a <see cref="StartupRefusedException"/> with a
/// one-line reason.
/// </summary>
public static partial class SecurityStartup
{
    /// <summary>Refuses a configuration that is malformed or would expose the service without credentials or TLS.</summary>
    public static void Check(SecurityOptions security, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(options);
        CheckEntries(security);
        if (security.ClientCertificates.Count > 0 && security.Certificate is null)
        {
            Refuse("Security:ClientCertificates needs TLS: configure Security:Certificate (docs/SECURITY.md).");
        }

        foreach (var url in Urls(options))
        {
            var https = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            if (https && security.Certificate is null)
            {
                Refuse($"{url} needs a server certificate: configure Security:Certificate (docs/SECURITY.md).");
            }

            if (IsLoopback(url))
            {
                continue;
            }

            if (!security.HasCredentials)
            {
                Refuse($"Refusing to listen on {url} without caller credentials: configure Security:ApiKeys or Security:ClientCertificates (docs/SECURITY.md).");
            }

            if (!https)
            {
                Refuse($"Refusing to listen on {url} without TLS: use an https:// URL and configure Security:Certificate (docs/SECURITY.md).");
            }
        }
    }

    /// <summary>Whether <paramref name="url"/>'s host is a loopback address or <c>localhost</c>.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = BindingAddress.Parse(url).Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>The TLS certificate of <paramref name="file"/> (PFX, or PEM with its key), or null when none is configured.</summary>
    public static X509Certificate2? LoadCertificate(CertificateFile? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            var extension = Path.GetExtension(file.Path).ToUpperInvariant();
            if (extension is ".PFX" or ".P12")
            {
                return X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password);
            }

            var key = file.KeyPath ?? file.Path;
            return file.Password is { } password
                ? X509Certificate2.CreateFromEncryptedPemFile(file.Path, password, key)
                : X509Certificate2.CreateFromPemFile(file.Path, key);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StartupRefusedException($"Security:Certificate {file.Path} cannot be loaded: {e.Message}", e);
        }
    }

    /// <summary>The URLs the server will listen on: gRPC's, then (when served) the HTTP port's.</summary>
    public static IEnumerable<string> Urls(ServerOptions options) => GrpcUrls(options).Concat(HttpUrls(options));

    /// <summary>The URLs of the gRPC listener (HTTP/2 only): on loopback, https:// when the server has a certificate.</summary>
    public static IReadOnlyList<string> GrpcUrls(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Urls is { } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [$"{LoopbackScheme(options)}://127.0.0.1:{options.Port}"];
    }

    /// <summary>
    /// The URLs of the HTTP listener (HTTP/1.1 and HTTP/2): none when it is off; on loopback, https:// when the server
    /// has a certificate.
    /// </summary>
    public static IReadOnlyList<string> HttpUrls(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HttpEnabled)
        {
            return [];
        }

        if (options.HttpUrls is { } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return [$"{LoopbackScheme(options)}://127.0.0.1:{options.HttpPort}"];
    }

    private static string LoopbackScheme(ServerOptions options) => options.Security?.Certificate is not null ? "https" : "http";

    private static void CheckEntries(SecurityOptions security)
    {
        foreach (var (entry, i) in security.ApiKeys.Select((k, i) => (k, i)))
        {
            CheckCaller($"Security:ApiKeys:{i}", entry.Name, entry.Role);
            if (CallerDirectory.TryHex(entry.Sha256) is null)
            {
                Refuse($"Security:ApiKeys:{i}:Sha256 must be the 64 hex digits of the key's SHA-256.");
            }
        }

        foreach (var (entry, i) in security.ClientCertificates.Select((c, i) => (c, i)))
        {
            CheckCaller($"Security:ClientCertificates:{i}", entry.Name, entry.Role);
            if (CallerDirectory.TryHex(entry.Sha256Thumbprint) is null)
            {
                Refuse($"Security:ClientCertificates:{i}:Sha256Thumbprint must be the 64 hex digits of the certificate's SHA-256.");
            }
        }
    }

    private static void CheckCaller(string path, string name, string role)
    {
        if (!NamePattern().IsMatch(name))
        {
            Refuse($"{path}:Name must be 1..64 of [A-Za-z0-9._-].");
        }

        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            Refuse($"{path}:Role must be one of {string.Join(", ", Roles.All)}.");
        }
    }

    private static void Refuse(string reason) => throw new StartupRefusedException(reason);

    /// <summary>Names of callers and key ids: they reach log lines, so only safe characters.</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    internal static partial Regex NamePattern();
}
