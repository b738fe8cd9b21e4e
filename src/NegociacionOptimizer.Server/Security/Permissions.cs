using System.Security.Claims;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The rights SPEC §7 ties to a request's content rather than to its method: an inline policy needs the analyst role.
/// Checked before validation, so the denial is the same whatever else the request holds.
/// </summary>
public static class Permissions
{
    /// <summary>The message of every inline-policy denial.</summary>
    public const string InlinePolicyMessage = "An inline policy needs the analyst role; name a policy (policy_id) instead.";

    /// <summary>Whether <paramref name="user"/> may send <paramref name="request"/> (a stream item's request too).</summary>
    public static bool Allows(ClaimsPrincipal user, GenerateOffersRequest request) =>
        Allows(user, inline: request?.ConstraintsCase == GenerateOffersRequest.ConstraintsOneofCase.Policy);

    /// <summary>PERMISSION_DENIED when the caller may not send <paramref name="request"/>; nothing otherwise.</summary>
    public static void Check(GenerateOffersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Allows(context.GetHttpContext().User, request))
        {
            throw Denied();
        }
    }

    /// <summary>PERMISSION_DENIED when the caller may not send <paramref name="request"/>; nothing otherwise.</summary>
    public static void Check(EvaluateProposalRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Allows(context.GetHttpContext().User, inline: request?.ConstraintsCase == EvaluateProposalRequest.ConstraintsOneofCase.Policy))
        {
            throw Denied();
        }
    }

    private static bool Allows(ClaimsPrincipal user, bool inline) => !inline || Caller.HasRights(user, Roles.Analyst);

    private static RpcException Denied() => new(new Status(StatusCode.PermissionDenied, InlinePolicyMessage));
}
