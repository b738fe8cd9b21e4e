using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Core;
using NegociacionOptimizer.Contracts;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// Running servers through <c>GenerateOffers</c>, the policy inline in every request, over one channel balanced round
/// robin across the replicas (several addresses, or a <c>dns:///</c> name resolving to all of them). A call a replica
/// could not take (it stopped, or every solve slot was busy) is retried on the next one after the server's RetryInfo
/// (<see cref="RetryOnBusyInterceptor"/>), so a replica that goes away mid-run loses no account; the run fails only
/// when no replica answers. Each replica has <paramref name="callsPerServer"/> calls in flight.
/// </summary>
/// <param name="targets">The replicas.</param>
/// <param name="policies">The policies, by index.</param>
/// <param name="callsPerServer">Concurrent calls per replica (a server runs one search per call).</param>
internal sealed class ServerRunner(ServerTargets targets, IReadOnlyList<SimulationPolicy> policies, int callsPerServer) : IAccountRunner
{
    private readonly int _replicas = Replicas(targets);

    /// <inheritdoc/>
    public string Description => $"{_replicas} servidor(es) en round-robin ({targets.Name}), {callsPerServer} llamada(s) por servidor";

    /// <inheritdoc/>
    public async IAsyncEnumerable<AccountResult> RunAsync(IEnumerable<WorkItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var client = new OfferClient(targets);
        var concurrency = _replicas * callsPerServer;
        var results = Channel.CreateBounded<AccountResult>(concurrency * 2);
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        var work = Parallel.ForEachAsync(items, options, async (item, token) =>
            await results.Writer.WriteAsync(await SolveAsync(client, item, token).ConfigureAwait(false), token).ConfigureAwait(false));
        // The channel ends with the loop, carrying its failure (no replica answered) to the reader below.
        _ = work.ContinueWith(t => results.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);

        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    private async Task<AccountResult> SolveAsync(OfferClient client, WorkItem item, CancellationToken cancellationToken)
    {
        var request = Requests.Build(item.Input, policies[item.PolicyIndex].Message);
        try
        {
            var response = await client.Offers.GenerateOffersAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            return ResultMapping.FromResponse(item, targets.Name, response);
        }
        catch (RpcException e) when (!RetryOnBusyInterceptor.IsRetriable(e.StatusCode) && e.StatusCode != StatusCode.Cancelled)
        {
            return ResultMapping.FromFailure(item, targets.Name, CallFailure.From(e));
        }
    }

    private static int Replicas(ServerTargets targets)
    {
        if (targets.DnsName is not { } dns)
        {
            return targets.Addresses.Count;
        }

        var host = new Uri(dns).AbsolutePath.Trim('/').Split(':')[0];
        return Math.Max(1, Dns.GetHostAddresses(host).Length);
    }
}
