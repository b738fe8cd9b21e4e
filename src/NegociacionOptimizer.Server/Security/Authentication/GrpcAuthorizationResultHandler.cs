using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Security.Authentication;

/// <summary>
/// Answers a call that authorization stops as gRPC does (JSON over HTTP: 401 and 403 with the same status as JSON): UNAUTHENTICATED without valid credentials, PERMISSION_DENIED
/// beyond the caller's role, each with one fixed message that says nothing about policies, accounts or which credential
/// was wrong; and counts the refusal.
/// </summary>
public sealed class GrpcAuthorizationResultHandler(RefusalLog refusals) : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The message of every UNAUTHENTICATED answer.</summary>
    public const string UnauthenticatedMessage =
        "Valid credentials are required: an API key (x-api-key or authorization: ApiKey) or a client certificate.";

    /// <summary>The message of every PERMISSION_DENIED answer of authorization.</summary>
    public const string DeniedMessage = "The caller's role does not allow this call.";

    /// <inheritdoc/>
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            return next(context);
        }

        var (code, message) = authorizeResult.Challenged
            ? (StatusCode.Unauthenticated, UnauthenticatedMessage)
            : (StatusCode.PermissionDenied, DeniedMessage);
        refusals.Count(code);
        return GrpcResponses.RefuseAsync(context, code, message);
    }
}
