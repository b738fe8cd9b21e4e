using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NegociacionOptimizer.Domain.Offers;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>The CP-SAT engine in this process, one account per worker, <paramref name="parallelism"/> workers.</summary>
/// <param name="engine">The engine (thread-safe).</param>
/// <param name="policies">The policies, by index.</param>
/// <param name="parallelism">Concurrent solves; the number of cores by default.</param>
internal sealed class InProcessRunner(IOfferEngine engine, IReadOnlyList<SimulationPolicy> policies, int parallelism) : IAccountRunner
{
    /// <inheritdoc/>
    public string Description => $"en proceso, {parallelism} hilo(s)";

    /// <inheritdoc/>
    public async IAsyncEnumerable<AccountResult> RunAsync(IEnumerable<WorkItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var results = Channel.CreateBounded<AccountResult>(parallelism * 4);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        var work = Parallel.ForEachAsync(items, options, async (item, token) =>
            await results.Writer.WriteAsync(Solve(item, token), token).ConfigureAwait(false));
        // The channel ends with the loop, carrying its failure (if any) to the reader below.
        _ = work.ContinueWith(t => results.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);

        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    /// <summary>
    /// One account under one policy, bounded by the policy's solve time limit. An account without a plan is diagnosed as
    /// the server does (its first reason goes to the CSV and the reasons table); the diagnosis costs solves only there.
    /// </summary>
    public AccountResult Solve(WorkItem item, CancellationToken cancellationToken)
    {
        var context = policies[item.PolicyIndex].Context(item.Input);
        var policy = context.Policy;
        var options = new OfferOptions(
            policy.OfferCount, TimeSpan.FromMilliseconds(policy.SolveTimeLimitMs), $"{policy.Id}|{policy.Version}|{item.Input.AccountId}");
        return ResultMapping.FromOfferSet(item, engine.Generate(context, options, cancellationToken));
    }
}
