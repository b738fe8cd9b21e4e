using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The server's two kinds of listener: gRPC's (HTTP/2 only, what gRPC clients speak without TLS) and the HTTP port's
/// (JSON over HTTP, the OpenAPI document, /metrics: HTTP/1.1 and HTTP/2 with TLS, HTTP/1.1 in cleartext). Each URL becomes one Kestrel listener; once the server listens, their addresses carry the bound ports.
/// </summary>
public sealed class Listeners
{
    private readonly List<(BindingAddress Url, ListenOptions Listen)> _grpc = [];
    private readonly List<(BindingAddress Url, ListenOptions Listen)> _http = [];
    private readonly List<(BindingAddress Url, ListenOptions Listen)> _health = [];

    /// <summary>The gRPC addresses, with the bound ports once the server listens.</summary>
    public IReadOnlyList<Uri> GrpcAddresses => Addresses(_grpc);

    /// <summary>The HTTP port's addresses (empty when it is off), with the bound ports once the server listens.</summary>
    public IReadOnlyList<Uri> HttpAddresses => Addresses(_http);

    /// <summary>The health port's address, when there is one.</summary>
    public IReadOnlyList<Uri> HealthAddresses => Addresses(_health);

    /// <summary>Whether a request arrived on the health port.</summary>
    public bool OnHealthPort(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = context.Features.Get<IHttpConnectionFeature>()?.LocalPort;
        return _health.Any(h => h.Listen.IPEndPoint?.Port == port);
    }

    /// <summary>Adds a listener per URL of <paramref name="options"/> to <paramref name="kestrel"/>.</summary>
    public void Configure(KestrelServerOptions kestrel, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        foreach (var url in SecurityStartup.GrpcUrls(options))
        {
            Listen(kestrel, url, HttpProtocols.Http2, _grpc);
        }

        foreach (var url in SecurityStartup.HttpUrls(options))
        {
            Listen(kestrel, url, HttpProtocols.Http1AndHttp2, _http);
        }

        if (options.HealthPort is { } health)
        {
            Listen(kestrel, $"http://0.0.0.0:{health}", HttpProtocols.Http2, _health);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols, List<(BindingAddress, ListenOptions)> into)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException e)
        {
            throw new StartupRefusedException($"\"{url}\" is not a listening URL (scheme://host:port): {e.Message}", e);
        }

        var https = address.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        void Configure(ListenOptions listen)
        {
            // A cleartext HTTP/1.1 + HTTP/2 endpoint speaks HTTP/1.1 only (no ALPN) and Kestrel warns: say so instead.
            listen.Protocols = https || protocols != HttpProtocols.Http1AndHttp2 ? protocols : HttpProtocols.Http1;
            if (https)
            {
                listen.UseHttps();
            }

            into.Add((address, listen));
        }

        var host = address.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(host, out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            // As Kestrel does with a host name: every interface.
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }

    private static List<Uri> Addresses(List<(BindingAddress Url, ListenOptions Listen)> listeners) =>
        [.. listeners.Select(l => new UriBuilder(l.Url.Scheme, l.Url.Host, l.Listen.IPEndPoint?.Port ?? l.Url.Port).Uri)];
}
