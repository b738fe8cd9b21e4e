using Google.Rpc;
using Grpc.Core;

namespace NegociacionOptimizer.Contracts;

/// <summary>A failed call: its status and, for INVALID_ARGUMENT, every field violation.</summary>
/// <param name="Code">gRPC status code.</param>
/// <param name="Message">Status message.</param>
/// <param name="Violations">Field violations from the google.rpc.BadRequest detail (field, description).</param>
public sealed record CallFailure(StatusCode Code, string Message, IReadOnlyList<(string Field, string Description)> Violations)
{
    /// <summary>Reads the rich status (google.rpc.Status with a BadRequest detail) when the server sent one.</summary>
    public static CallFailure From(RpcException e)
    {
        var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
        var violations = badRequest?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [];
        return new CallFailure(e.StatusCode, e.Status.Detail, violations);
    }
}
