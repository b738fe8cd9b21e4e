using System.Globalization;
using Grpc.Core;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>gRPC answers written by middleware, before a call reaches its service.</summary>
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
}
