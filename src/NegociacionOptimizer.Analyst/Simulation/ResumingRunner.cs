using System.Runtime.CompilerServices;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// Replays an interrupted run's results (<see cref="PreviousResults"/>) for the first items, in order, and hands the
/// rest to <paramref name="inner"/>.
/// </summary>
/// <param name="inner">Where the items not solved before are solved.</param>
/// <param name="previous">The previous run's results.</param>
internal sealed class ResumingRunner(IAccountRunner inner, PreviousResults previous) : IAccountRunner
{
    /// <inheritdoc/>
    public string Description => $"{inner.Description}; reanudado tras {previous.Rows} resultado(s) previos";

    /// <inheritdoc/>
    public async IAsyncEnumerable<AccountResult> RunAsync(IEnumerable<WorkItem> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var pending = items.GetEnumerator();
        while (pending.MoveNext())
        {
            if (previous.Next(pending.Current) is not { } replayed)
            {
                await foreach (var result in inner.RunAsync(Rest(pending), cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }

                yield break;
            }

            yield return replayed;
        }
    }

    private static IEnumerable<WorkItem> Rest(IEnumerator<WorkItem> pending)
    {
        do
        {
            yield return pending.Current;
        }
        while (pending.MoveNext());
    }
}
