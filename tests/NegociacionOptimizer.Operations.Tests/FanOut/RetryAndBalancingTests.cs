using System.Net;
using System.Net.Sockets;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;
namespace NegociacionOptimizer.Operations.Tests.FanOut;

/// <summary>
/// The clients' balancing and retries: a busy server's RESOURCE_EXHAUSTED is retried after its RetryInfo until a slot
/// frees, and the sample client reaches a live replica past a dead one, or through a dns:/// name.
/// </summary>
public sealed class RetryAndBalancingTests
{
    [Fact]
    public void The_retry_waits_what_the_server_asked_else_a_doubling_backoff_up_to_5_s()
    {
        var status = new Google.Rpc.Status { Code = (int)Code.ResourceExhausted, Message = "busy", Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(350)) }) } };
        Assert.Equal(TimeSpan.FromMilliseconds(350), RetryOnBusyInterceptor.Delay(status.ToRpcException(), attempt: 3));
        var bare = new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "gone"));
        Assert.Equal(
            [100, 200, 400, 800, 1600, 3200, 5000, 5000],
            Enumerable.Range(1, 8).Select(a => (int)RetryOnBusyInterceptor.Delay(bare, a).TotalMilliseconds));
        Assert.True(RetryOnBusyInterceptor.IsRetriable(StatusCode.Unavailable) && RetryOnBusyInterceptor.IsRetriable(StatusCode.ResourceExhausted));
        Assert.False(RetryOnBusyInterceptor.IsRetriable(StatusCode.InvalidArgument));
    }

    [Fact]
    public async Task A_call_refused_by_a_full_server_is_retried_after_its_retry_info_until_a_slot_frees()
    {
        using var engine = new HeldEngine();
        await using var server = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, HttpEnabled = false, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, DrainDelayMs = 0, MaxConcurrentSolves = 1, SolveQueueLength = 0 },
            services => services.AddSingleton<IOfferEngine>(engine));
        using var client = new OfferClient(ServerTargets.Parse([server.Address.ToString()]));
        // A one-minute budget: with the sample's 2 s the held search could be cut by its own time limit on a busy
        // machine before the second call arrived, which then found the slot free and was never refused.
        var first = client.GenerateAsync(Requests.Held());
        await engine.WaitForSearchesAsync(1);

        var second = client.GenerateAsync(Requests.Held());
        var runner = server.Services.GetRequiredService<SolveRunner>();
        Assert.True(await Eventually.TrueAsync(() => runner.Rejected >= 2), "the refused call was not retried");
        engine.Release();

        Assert.NotEmpty((await first).Response!.Offers);
        Assert.NotEmpty((await second).Response!.Offers);
    }

    [Fact]
    public async Task The_sample_client_reaches_a_live_replica_past_a_dead_one_and_through_a_dns_name()
    {
        await using var server = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpEnabled = false, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, DrainDelayMs = 0 });
        using var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var dead = $"http://127.0.0.1:{((IPEndPoint)unused.LocalEndpoint).Port}";
        unused.Stop();
        var request = Path.Combine(Programs.RepositoryRoot, "samples", "requests", "forgot-to-pay.json");

        foreach (string[] addresses in new[] { new[] { "--address", dead, "--address", server.Address.ToString() }, ["--address", $"dns:///localhost:{server.Address.Port}"] })
        {
            var (code, output, error) = await ChildProcess.RunAsync(Programs.Start(Programs.Dotnet, [Programs.SampleClient, request, .. addresses]));
            Assert.True(code == 0, output + error);
            Assert.Contains("#  kind", output, StringComparison.Ordinal);
        }
    }
}
