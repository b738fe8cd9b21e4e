using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NegociacionOptimizer.Api.Validation;

namespace NegociacionOptimizer.Server.Errors;

/// <summary>Bad input as INVALID_ARGUMENT with a google.rpc.BadRequest detail listing every field violation.</summary>
public static class BadRequestErrors
{
    /// <summary>The exception to throw for <paramref name="violations"/>; its message lists them too.</summary>
    public static RpcException ToRpcException(IReadOnlyList<FieldViolation> violations)
    {
        var detail = new BadRequest();
        detail.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation
        {
            Field = v.Field,
            Description = v.Description,
        }));
        var message = $"{violations.Count} invalid field{(violations.Count == 1 ? string.Empty : "s")}: "
            + string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}"));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Any.Pack(detail) },
        };
        return status.ToRpcException();
    }
}
