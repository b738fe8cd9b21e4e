using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NegociacionOptimizer.Server.Security.Authentication;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// ASP.NET Core authentication (API key, client certificate, or the embedded local admin) and the role policies of
/// SPEC §7. One scheme per call, chosen by what the call carries: an API key header, else a client certificate, else
/// nothing (challenged). With no credential configured every call is the local admin.
/// </summary>
public static class SecuritySetup
{
    /// <summary>The default scheme: forwards to the scheme the call's credential needs.</summary>
    public const string CallerScheme = "Caller";

    /// <summary>Registers authentication, the role policies (every endpoint needs a caller unless it allows anonymous).</summary>
    public static void AddCallerSecurity(this IServiceCollection services, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        var localAdmin = !security.HasCredentials;
        services.AddSingleton(new CallerDirectory(security));
        services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, null, scheme => scheme.ForwardDefaultSelector = context => SchemeOf(context, localAdmin))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, LocalAdminAuthenticationHandler>(LocalAdminAuthenticationHandler.SchemeName, null)
            .AddCertificate(certificate =>
            {
                // Certificates are pinned by thumbprint: a self-signed one is as good as a CA's, and revoking one is
                // removing its pin.
                certificate.AllowedCertificateTypes = CertificateTypes.All;
                certificate.RevocationMode = X509RevocationMode.NoCheck;
                certificate.Events = new CertificateAuthenticationEvents { OnCertificateValidated = Pinned };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AgentPolicy, policy => policy.RequireRole(Roles.AtLeast(Roles.Agent)))
            .AddPolicy(Roles.AnalystPolicy, policy => policy.RequireRole(Roles.AtLeast(Roles.Analyst)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
    }

    private static string SchemeOf(HttpContext context, bool localAdmin)
    {
        if (localAdmin)
        {
            return LocalAdminAuthenticationHandler.SchemeName;
        }

        return ApiKeyAuthenticationHandler.KeyOf(context.Request) is null && context.Connection.ClientCertificate is not null
            ? CertificateAuthenticationDefaults.AuthenticationScheme
            : ApiKeyAuthenticationHandler.SchemeName;
    }

    private static Task Pinned(CertificateValidatedContext context)
    {
        var callers = context.HttpContext.RequestServices.GetRequiredService<CallerDirectory>();
        if (callers.ByCertificate(context.ClientCertificate.RawData) is { } caller)
        {
            context.Principal = caller.ToPrincipal(context.Scheme.Name);
            context.Success();
        }
        else
        {
            context.Fail("Client certificate not pinned.");
        }

        return Task.CompletedTask;
    }
}
