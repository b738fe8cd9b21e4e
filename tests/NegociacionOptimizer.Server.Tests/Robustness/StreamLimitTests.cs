using Grpc.Core;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

public class StreamLimitTests
{
    [Fact]
    public async Task A_stream_with_more_items_than_the_limit_ends_with_resource_exhausted_after_answering_the_allowed_ones()
    {
        var host = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, MaxStreamItems = 2 });
        await using var _ = host;
        using var client = new OfferClient(host.Address);
        using var stream = client.Offers.StreamOffers();
        var bad = Requests.FromFile("bad-request.json");
        for (var i = 1; i <= 3; i++)
        {
            await stream.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = $"i{i}", Request = bad });
        }

        await stream.RequestStream.CompleteAsync();
        var answered = new List<string>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await stream.ResponseStream.MoveNext())
            {
                answered.Add(stream.ResponseStream.Current.ItemId);
            }
        });
        // Answers go out in completion order (two items are answered at once), so only which ones were answered counts.
        Assert.Equal(["i1", "i2"], answered.Order());
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("at most 2 items", error.Status.Detail, StringComparison.Ordinal);
    }
}
