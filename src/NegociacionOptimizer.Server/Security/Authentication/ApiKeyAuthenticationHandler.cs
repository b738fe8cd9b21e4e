using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NegociacionOptimizer.Server.Security.Authentication;

/// <summary>
/// Authenticates a call by its API key, sent as <c>x-api-key: KEY</c> or <c>authorization: ApiKey KEY</c>. No key: no
/// result (the call is then challenged); an unknown key: failure. The key is never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerDirectory callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The key's own header.</summary>
    public const string Header = "x-api-key";

    /// <summary>Prefix of the key in the <c>authorization</c> header.</summary>
    public const string AuthorizationPrefix = "ApiKey ";

    /// <summary>The key of a request, or null when it carries none.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[Header] is { Count: > 0 } header)
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(AuthorizationPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[AuthorizationPrefix.Length..].Trim()
            : null;
    }

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(callers.ByApiKey(key) is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("Unknown API key."));
    }
}
