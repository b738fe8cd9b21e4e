using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NegociacionOptimizer.Server.Security.Authentication;

/// <summary>
/// The embedded default (no credential configured, loopback only): every call from this machine is
/// <see cref="Caller.LocalAdmin"/>. A call from another address fails, should one ever reach the server.
/// </summary>
public sealed class LocalAdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "LocalAdmin";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
            ? AuthenticateResult.Success(new AuthenticationTicket(Caller.LocalAdmin.ToPrincipal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("Not a loopback caller."));
}
