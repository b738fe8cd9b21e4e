using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The request-size limit of gRPC (<see cref="ServerOptions.MaxRequestBytes"/>) on JSON over HTTP, whose bodies JSON
/// transcoding reads whole: a declared length over it is RESOURCE_EXHAUSTED (HTTP 429) before anything is read, and a
/// body without a declared length is cut by Kestrel at the same size.
/// </summary>
public static class JsonBodyLimit
{
    /// <summary>Adds the limit for requests that are not gRPC calls.</summary>
    public static IApplicationBuilder UseJsonBodyLimit(this IApplicationBuilder app, int maxRequestBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (context.Request.ContentLength > maxRequestBytes)
            {
                context.RequestServices.GetRequiredService<RefusalLog>().Count(StatusCode.ResourceExhausted);
                await GrpcResponses.RefuseAsync(context, StatusCode.ResourceExhausted,
                    $"The request is larger than the limit of {maxRequestBytes} bytes.").ConfigureAwait(false);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = maxRequestBytes;
            }

            await next(context).ConfigureAwait(false);
        });
}
