using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// Running servers through <c>StreamOffers</c>, the policy inline in every request. Items go round-robin over the
/// addresses; each address has <paramref name="streamsPerServer"/> concurrent streams (a server answers one stream's
/// items one after another, so streams are its parallelism), each with a few items in flight to hide the round trip.
/// </summary>
/// <param name="addresses">Server addresses, e.g. http://127.0.0.1:5080.</param>
/// <param name="policies">The policies, by index.</param>
/// <param name="streamsPerServer">Concurrent streams per address.</param>
internal sealed class ServerRunner(IReadOnlyList<Uri> addresses, IReadOnlyList<SimulationPolicy> policies, int streamsPerServer) : IAccountRunner
{
    /// <summary>Items sent on a stream and not yet answered.</summary>
    private const int InFlightPerStream = 4;

    /// <inheritdoc/>
    public string Description => $"{addresses.Count} servidor(es), {streamsPerServer} stream(s) por servidor";

    /// <inheritdoc/>
    public async IAsyncEnumerable<AccountResult> RunAsync(IEnumerable<WorkItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateBounded<AccountResult>(addresses.Count * streamsPerServer * InFlightPerStream * 2);
        var lanes = addresses.Select(a => new Lane(a, GrpcChannel.ForAddress(a), Channel.CreateBounded<WorkItem>(streamsPerServer * InFlightPerStream))).ToList();
        try
        {
            var tasks = lanes.SelectMany(lane => Enumerable.Range(0, streamsPerServer).Select(_ => StreamAsync(lane, results.Writer, stop.Token)))
                .Append(DispatchAsync(items, lanes, stop.Token))
                .ToList();
            // The first failure (e.g. a server that is down) stops every stream and the dispatcher, and ends the results with it.
            foreach (var task in tasks)
            {
                _ = task.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            _ = Task.WhenAll(tasks).ContinueWith(
                t => results.Writer.TryComplete(t.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? t.Exception?.InnerException),
                TaskScheduler.Default);

            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var lane in lanes)
            {
                lane.Channel.Dispose();
            }
        }
    }

    /// <summary>Each item to the next address in turn; waits when that address's queue is full.</summary>
    private static async Task DispatchAsync(IEnumerable<WorkItem> items, IReadOnlyList<Lane> lanes, CancellationToken cancellationToken)
    {
        try
        {
            var next = new RoundRobin<Lane>(lanes);
            foreach (var item in items)
            {
                await next.Next().Queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Queue.Writer.TryComplete();
            }
        }
    }

    /// <summary>One stream: sends the lane's items, at most <see cref="InFlightPerStream"/> unanswered, and reports each answer.</summary>
    private async Task StreamAsync(Lane lane, ChannelWriter<AccountResult> results, CancellationToken cancellationToken)
    {
        var client = new Proto.OfferService.OfferServiceClient(lane.Channel);
        using var call = client.StreamOffers(cancellationToken: cancellationToken);
        var pending = new ConcurrentDictionary<string, WorkItem>(StringComparer.Ordinal);
        using var window = new SemaphoreSlim(InFlightPerStream);
        var server = lane.Address.ToString().TrimEnd('/');
        var reader = Task.Run(async () =>
        {
            await foreach (var answer in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!pending.TryRemove(answer.ItemId, out var item))
                {
                    throw new InvalidOperationException($"{server} answered an unknown item '{answer.ItemId}'");
                }

                window.Release();
                await results.WriteAsync(ResultMapping.FromStream(item, server, answer), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

        await foreach (var item in lane.Queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await window.WaitAsync(cancellationToken).ConfigureAwait(false);
            var id = item.Sequence.ToString(CultureInfo.InvariantCulture);
            pending[id] = item;
            var request = new Proto.StreamOffersRequest { ItemId = id, Request = Requests.Build(item.Input, policies[item.PolicyIndex].Message) };
            await call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        await reader.ConfigureAwait(false);
        if (!pending.IsEmpty)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{server} closed the stream with {pending.Count} item(s) unanswered"));
        }
    }

    private sealed record Lane(Uri Address, GrpcChannel Channel, Channel<WorkItem> Queue);
}
