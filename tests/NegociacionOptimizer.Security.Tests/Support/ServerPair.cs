namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>One h2c and one TLS server with the standard credentials, shared by a test class.</summary>
public sealed class ServerPair : IAsyncLifetime
{
    private SecureServer? _h2c;
    private SecureServer? _tls;

    public SecureServer this[Transport transport] => transport == Transport.Tls ? _tls! : _h2c!;

    public async Task InitializeAsync()
    {
        _h2c = await SecureServer.StartAsync(Transport.H2c);
        _tls = await SecureServer.StartAsync(Transport.Tls);
    }

    public async Task DisposeAsync()
    {
        if (_h2c is not null)
        {
            await _h2c.DisposeAsync();
        }

        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }
    }
}
