using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

public class ShutdownTests
{
    [Fact]
    public async Task A_stopping_server_finishes_the_call_in_flight_and_refuses_new_ones_as_unavailable()
    {
        var engine = new HeldEngine();
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, MinimumLogLevel = LogLevel.Warning, ShutdownTimeout = TimeSpan.FromSeconds(20) },
            services => services.AddSingleton<IOfferEngine>(engine));
        await using var _ = host;
        using var client = new OfferClient(host.Address);
        var inFlight = client.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(30));
        await engine.WaitForSearchesAsync(1);

        var stopping = host.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the server waits for the call in flight");
        using var late = new OfferClient(host.Address);
        var refused = await late.GenerateAsync(Requests.Held(), TimeSpan.FromSeconds(5));
        Assert.Equal(StatusCode.Unavailable, refused.Failure?.Code);

        engine.Release();
        var finished = await inFlight;
        Assert.NotNull(finished.Response);
        Assert.NotEmpty(finished.Response!.Offers);
        await stopping;
    }
}
