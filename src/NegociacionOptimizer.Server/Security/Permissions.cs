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

    /// <summary>PERMISSION_DENIED when an agent sends an inline policy; nothing otherwise.</summary>
    public static void Check(GenerateOffersRequest request, ServerCallContext context) =>
        Inline(request?.ConstraintsCase == GenerateOffersRequest.ConstraintsOneofCase.Policy, context);

    /// <summary>PERMISSION_DENIED when an agent sends an inline policy; nothing otherwise.</summary>
    public static void Check(EvaluateProposalRequest request, ServerCallContext context) =>
        Inline(request?.ConstraintsCase == EvaluateProposalRequest.ConstraintsOneofCase.Policy, context);

    private static void Inline(bool inline, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (inline && !Caller.HasRights(context.GetHttpContext().User, Roles.Analyst))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, InlinePolicyMessage));
        }
    }
}
