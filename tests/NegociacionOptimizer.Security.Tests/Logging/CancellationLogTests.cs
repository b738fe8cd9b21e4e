using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Logging;

/// <summary>A caller that cancels or goes away is an ordinary end of a call: logged as CANCELLED, never as an error.</summary>
public class CancellationLogTests
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Cancelled_unary_and_stream_calls_write_no_warning_or_error(Transport transport)
    {
        using var engine = new HeldEngine();
        await using var server = await SecureServer.StartAsync(
            transport, level: LogLevel.Trace, services: s => s.AddSingleton<IOfferEngine>(engine));
        using var agent = server.Client(Credentials.AgentKey);

        using (var cancel = new CancellationTokenSource())
        {
            var call = agent.Offers.GenerateOffersAsync(Requests.Generate(), cancellationToken: cancel.Token).ResponseAsync;
            await engine.WaitForSearchesAsync(1);
            await cancel.CancelAsync();
            Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => call)).StatusCode);
        }

        using (var cancel = new CancellationTokenSource())
        {
            using var stream = agent.Offers.StreamOffers(cancellationToken: cancel.Token);
            await stream.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "1", Request = Requests.Generate() });
            await engine.WaitForSearchesAsync(1);
            await cancel.CancelAsync();
            Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None))).StatusCode);
        }

        // Both searches saw the cancellation, and the server logged both calls' end: nothing more is coming.
        Assert.True(await Eventually.TrueAsync(
            () => engine.Cancelled == 2 && server.Logs.Lines.Count(l => l.Contains("answered Cancelled", StringComparison.Ordinal)) == 2,
            TimeSpan.FromSeconds(20)), "the server side of the cancelled calls did not end");
        Assert.DoesNotContain(server.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }
}
