using Grpc.Core;
using Grpc.Health.V1;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The health port (<see cref="ServerOptions.HealthPort"/>) listens in cleartext on every interface so that Kubernetes'
/// gRPC probes reach it: it answers gRPC health only, and every other call there is UNIMPLEMENTED before it is read or
/// authenticated.
/// </summary>
public static class HealthPortGuard
{
    private static readonly string HealthPrefix = $"/{Health.Descriptor.FullName}/";

    /// <summary>Adds the guard to the pipeline.</summary>
    public static IApplicationBuilder UseHealthPortGuard(this IApplicationBuilder app, Listeners listeners) =>
        app.Use(async (context, next) =>
        {
            if (listeners.OnHealthPort(context) && context.Request.Path.Value?.StartsWith(HealthPrefix, StringComparison.Ordinal) != true)
            {
                GrpcResponses.TrailersOnly(context, StatusCode.Unimplemented, "Only gRPC health is served on this port.");
                return;
            }

            await next(context).ConfigureAwait(false);
        });
}
