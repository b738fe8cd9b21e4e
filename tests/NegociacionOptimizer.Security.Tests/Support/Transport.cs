namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>How a test server listens: HTTP/2 cleartext on loopback, or HTTP/2 over TLS (with client certificates).</summary>
public enum Transport
{
    H2c,
    Tls,
}
