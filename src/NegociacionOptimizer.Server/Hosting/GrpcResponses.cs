using System.Globalization;
using Google.Protobuf;
using Grpc.Core;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>gRPC (and JSON over HTTP) answers written by middleware, before a call reaches its service.</summary>
public static class GrpcResponses
{
    /// <summary>A trailers-only gRPC error response: HTTP 200, <c>grpc-status</c> and a percent-encoded message.</summary>
    public static void TrailersOnly(HttpContext context, StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    /// <summary>
    /// A refusal in the caller's protocol: trailers-only for a gRPC call, else (JSON over HTTP) the HTTP status JSON
    /// transcoding gives <paramref name="code"/> with a <c>google.rpc.Status</c> JSON body, as the services' own errors.
    /// </summary>
    public static Task RefuseAsync(HttpContext context, StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            TrailersOnly(context, code, message);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = code switch
        {
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
            StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status500InternalServerError,
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonFormatter.Default.Format(new Google.Rpc.Status { Code = (int)code, Message = message }));
    }
}
