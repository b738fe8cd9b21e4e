using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NegociacionOptimizer.Contracts;

/// <summary>
/// How a client proves who it is and whom it trusts: an API key (sent as <c>x-api-key</c>), a client certificate for
/// mTLS, and the certificate (self-signed, or the CA) that signed the server's certificate when the system does not
/// trust it. With none, the channel is a plain one (the embedded default's local admin on loopback).
/// </summary>
/// <param name="ApiKey">The API key, or null.</param>
/// <param name="Certificate">The client certificate with its private key, or null.</param>
/// <param name="TrustedServerCertificate">A root to trust for the server's certificate besides the system's, or null.</param>
public sealed record ClientCredentials(string? ApiKey = null, X509Certificate2? Certificate = null, X509Certificate2? TrustedServerCertificate = null)
{
    /// <summary>A channel to <paramref name="address"/> (http:// or https://) that presents these credentials.</summary>
    public GrpcChannel CreateChannel(Uri address) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = Handler(), DisposeHttpClient = true });

    /// <summary>
    /// One channel over every replica of <paramref name="targets"/>, balanced call by call (Grpc.Net.Client's round robin;
    /// a DNS name is resolved again when a connection fails), presenting these credentials; a single address is a plain
    /// channel (its host name is the one TLS checks).
    /// </summary>
    public GrpcChannel CreateChannel(ServerTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Addresses.Count == 1)
        {
            return CreateChannel(targets.Addresses[0]);
        }

        var services = new ServiceCollection();
        string address;
        if (targets.DnsName is { } dns)
        {
            address = dns;
        }
        else
        {
            var replicas = targets.Addresses.Select(a => new BalancerAddress(a.Host, a.Port)).ToList();
            services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => replicas));
            address = "static:///negociacion";
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = Handler(),
            DisposeHttpClient = true,
            Credentials = targets.Tls ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        });
    }

    private HttpMessageHandler Handler()
    {
        var sockets = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (Certificate is not null)
        {
            sockets.SslOptions.ClientCertificates = [Certificate];
        }

        if (TrustedServerCertificate is { } root)
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(root, certificate, errors);
        }

        return ApiKey is { } key ? new ApiKeyHandler(key) { InnerHandler = sockets } : sockets;
    }

    /// <summary>A certificate file: PFX/P12 (with <paramref name="password"/>), or PEM with its key in <paramref name="keyPath"/> or the same file.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? keyPath = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".PFX" or ".P12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        // Without a key, a PEM certificate alone (a root to trust).
        return keyPath is null && !File.ReadAllText(path).Contains("PRIVATE KEY", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(File.ReadAllText(path))
            : X509Certificate2.CreateFromPemFile(path, keyPath);
    }

    /// <summary>Trusted when the system trusts it, or when it chains to <paramref name="root"/> and names the host.</summary>
    private static bool Trusted(X509Certificate2 root, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is not X509Certificate2 presented || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }

    /// <summary>Adds the API key header to every call.</summary>
    private sealed class ApiKeyHandler(string key) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", key);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
