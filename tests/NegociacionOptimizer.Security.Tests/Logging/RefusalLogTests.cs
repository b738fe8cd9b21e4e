using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Security.Tests.Logging;

/// <summary>Refusals are counted and logged at most once a second per kind, with the count since the last line.</summary>
public class RefusalLogTests
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_storm_of_refusals_writes_one_line_per_kind_per_second_with_its_count(Transport transport)
    {
        await using var server = await SecureServer.StartAsync(transport, level: LogLevel.Trace);
        using var agent = server.Client(Credentials.AgentKey);
        using var stranger = server.Client();
        var bad = PersonalDataProbe.Invalid("storm");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(StatusCode.InvalidArgument, (await agent.GenerateAsync(bad)).Failure!.Code);
            Assert.Equal(StatusCode.Unauthenticated, (await stranger.GenerateAsync(bad)).Failure!.Code);
            var denied = await Assert.ThrowsAsync<RpcException>(() => agent.Policies.ListPoliciesAsync(new ListPoliciesRequest()).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }

        Assert.Equal(["Refused 1 call(s) with InvalidArgument"], Refusals(server, "InvalidArgument"));
        Assert.Equal(["Refused 1 call(s) with Unauthenticated"], Refusals(server, "Unauthenticated"));
        Assert.Equal(["Refused 1 call(s) with PermissionDenied"], Refusals(server, "PermissionDenied"));
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains("storm", StringComparison.Ordinal) && l.Contains("answered", StringComparison.Ordinal));

        server.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(StatusCode.InvalidArgument, (await agent.GenerateAsync(bad)).Failure!.Code);
        Assert.Equal(["Refused 1 call(s) with InvalidArgument", "Refused 20 call(s) with InvalidArgument"], Refusals(server, "InvalidArgument"));
        var counts = server.Host.Services.GetRequiredService<RefusalLog>();
        Assert.Equal(21, counts.Total(StatusCode.InvalidArgument));
        Assert.Equal(20, counts.Total(StatusCode.Unauthenticated));
        Assert.Equal(20, counts.Total(StatusCode.PermissionDenied));
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Overload_refusals_are_counted_as_resource_exhausted(Transport transport)
    {
        using var engine = new HeldEngine();
        await using var server = await SecureServer.StartAsync(
            transport,
            level: LogLevel.Information,
            options: o => o with { MaxConcurrentSolves = 1, SolveQueueLength = 0 },
            services: s => s.AddSingleton<NegociacionOptimizer.Domain.Offers.IOfferEngine>(engine));
        using var agent = server.Client(Credentials.AgentKey);
        var held = agent.GenerateAsync(Requests.Generate());
        await engine.WaitForSearchesAsync(1);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StatusCode.ResourceExhausted, (await agent.GenerateAsync(Requests.Generate())).Failure!.Code);
        }

        engine.Release();
        Assert.Null((await held).Failure);
        Assert.Equal(["Refused 1 call(s) with ResourceExhausted"], Refusals(server, "ResourceExhausted"));
        Assert.Equal(5, server.Host.Services.GetRequiredService<RefusalLog>().Total(StatusCode.ResourceExhausted));
    }

    private static string[] Refusals(SecureServer server, string status) =>
    [
        .. server.Logs.Lines
            .Select(l => l.Split(" | ")[2])
            .Where(m => m.StartsWith("Refused", StringComparison.Ordinal) && m.Contains($"with {status}", StringComparison.Ordinal))
            .Select(m => m[..m.IndexOf(" (", StringComparison.Ordinal)]),
    ];
}
