using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using OpenTelemetry.Exporter;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Metrics;

/// <summary>With an OTLP endpoint configured, traces and metrics reach it (a stand-in collector on loopback).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_and_metrics_are_sent_to_the_configured_collector()
    {
        var received = new ConcurrentQueue<string>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/v1/{signal}", (HttpContext context, string signal) =>
        {
            received.Enqueue(signal);
            return Results.Ok();
        });
        await collector.StartAsync();
        var endpoint = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var server = await ServerHost.StartAsync(new ServerOptions
        {
            Port = 0,
            HttpPort = 0,
            DataFolder = TempDataFolder.New(),
            MinimumLogLevel = LogLevel.Warning,
            DrainDelayMs = 0,
            OtlpEndpoint = endpoint,
            OtlpProtocol = OtlpExportProtocol.HttpProtobuf,
        });
        using (var client = new OfferClient(server.Address))
        {
            Assert.NotNull((await client.GenerateAsync(OfferClient.ReadJson<GenerateOffersRequest>(
                Path.Combine(Programs.RepositoryRoot, "samples", "requests", "forgot-to-pay.json")))).Response);
        }

        // Stopping flushes both exporters.
        await server.DisposeAsync();
        Assert.True(await NegociacionOptimizer.Server.Tests.Support.Eventually.TrueAsync(
            () => received.Contains("traces") && received.Contains("metrics")), string.Join(",", received));
    }
}
