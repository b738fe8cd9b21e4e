using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization.Running;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// The CP-SAT engine in this process through the same <see cref="SolveRunner"/> as the server (time limit, watchdog),
/// one account per worker, <paramref name="parallelism"/> workers.
/// </summary>
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
        // Every worker waits for its own solve, so no more than `parallelism` solves are ever admitted at once.
        using var runner = new SolveRunner(parallelism, parallelism, TimeProvider.System);
        var results = Channel.CreateBounded<AccountResult>(parallelism * 4);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        var work = Parallel.ForEachAsync(items, options, async (item, token) =>
            await results.Writer.WriteAsync(await SolveAsync(runner, item, token).ConfigureAwait(false), token).ConfigureAwait(false));
        // The channel ends with the loop, carrying its failure (if any) to the reader below.
        _ = work.ContinueWith(t => results.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);

        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    /// <summary>
    /// One account under one policy, bounded by the policy's solve time limit. An account without a plan is diagnosed as
    /// the server does, down to the conflicting rules (the first one goes to the CSV and the reasons table); the smallest
    /// changes, which the simulation does not report, are not searched (they were four fifths of a comparison's time).
    /// </summary>
    private async Task<AccountResult> SolveAsync(SolveRunner runner, WorkItem item, CancellationToken cancellationToken)
    {
        var context = policies[item.PolicyIndex].Context(item.Input);
        var policy = context.Policy;
        var run = await runner.RunAsync(
            (limit, stop) => engine.Generate(context, new OfferOptions(policy.OfferCount, limit, $"{policy.Id}|{policy.Version}|{item.Input.AccountId}", Suggest: false), stop),
            TimeSpan.FromMilliseconds(policy.SolveTimeLimitMs), DateTime.MaxValue, cancellationToken).ConfigureAwait(false);
        return ResultMapping.FromOfferSet(item, run.Value);
    }
}
