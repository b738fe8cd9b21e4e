using System.Threading.Channels;
using Grpc.Core;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// Answers a request stream with at most <paramref name="width"/> items in flight (being computed or waiting to be
/// sent): the next item is read only when a slot frees, so a caller streaming faster than the server computes is held
/// back by HTTP/2 flow control and memory stays bounded however long the stream is. Answers go out in completion order
/// through one writer (a gRPC stream writer takes one write at a time). <paramref name="answer"/> must not throw. A
/// stream longer than <paramref name="maxItems"/> gets the answers of its first items, then RESOURCE_EXHAUSTED. An item
/// the reader refuses (e.g. larger than the message limit) for which <paramref name="unreadable"/> gives answers ends
/// the stream the same way: the answers of the items before it, that answer, then the reader's status.
/// </summary>
/// <typeparam name="TRequest">Item type.</typeparam>
/// <typeparam name="TResponse">Answer type.</typeparam>
/// <param name="answer">The answer to one item, computed on the thread pool.</param>
/// <param name="width">Items in flight at most, ≥ 1.</param>
/// <param name="maxItems">Items one stream may carry.</param>
/// <param name="unreadable">The answers reporting an item the reader refused; none (or no function) ends the stream at once.</param>
public sealed class StreamPump<TRequest, TResponse>(
    Func<TRequest, Task<TResponse>> answer, int width, int maxItems = int.MaxValue, Func<RpcException, TResponse[]>? unreadable = null)
{
    private readonly int _width = Math.Max(1, width);

    /// <summary>Reads every item, answers each once, and returns after the last answer is written.</summary>
    public async Task RunAsync(IAsyncStreamReader<TRequest> requests, IAsyncStreamWriter<TResponse> responses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        using var slots = new SemaphoreSlim(_width, _width);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answers = Channel.CreateBounded<TResponse>(new BoundedChannelOptions(_width) { SingleReader = true });
        Exception? sendFailure = null;
        var send = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in answers.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    // The server's writer observes the call's cancellation itself; not every writer takes a token.
                    await responses.WriteAsync(item).ConfigureAwait(false);
                    slots.Release();
                }
            }
            catch (Exception e)
            {
                sendFailure = e;
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }, CancellationToken.None);

        var read = 0;
        RpcException? refused = null;
        TResponse[] reports = [];
        try
        {
            while (true)
            {
                try
                {
                    if (!await requests.MoveNext(stop.Token).ConfigureAwait(false) || ++read > maxItems)
                    {
                        break;
                    }
                }
                catch (RpcException e) when (unreadable?.Invoke(e) is { Length: > 0 } answered)
                {
                    refused = e;
                    reports = answered;
                    break;
                }

                var item = requests.Current;
                await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                _ = Task.Run(async () => await answers.Writer.WriteAsync(await answer(item).ConfigureAwait(false), stop.Token).ConfigureAwait(false), stop.Token);
            }

            // Every slot back means every answer was written; a refused item's report comes after them.
            for (var i = 0; i < _width; i++)
            {
                await slots.WaitAsync(stop.Token).ConfigureAwait(false);
            }

            foreach (var report in reports)
            {
                await answers.Writer.WriteAsync(report, stop.Token).ConfigureAwait(false);
            }

            answers.Writer.Complete();
        }
        catch (OperationCanceledException) when (sendFailure is not null)
        {
            answers.Writer.TryComplete();
        }
        catch
        {
            answers.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }

        await send.ConfigureAwait(false);
        if (refused is not null)
        {
            throw new RpcException(refused.Status);
        }

        if (read > maxItems)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"A stream carries at most {maxItems} items; open a new stream for the rest."));
        }
    }
}
