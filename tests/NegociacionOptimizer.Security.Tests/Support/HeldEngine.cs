using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>The real engine behind a gate the test opens: each search waits until released or cancelled.</summary>
public sealed class HeldEngine : IOfferEngine, IDisposable
{
    private readonly CpSatOfferEngine _engine = new();
    private readonly SemaphoreSlim _entered = new(0);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Searches that saw their cancellation token fire while held.</summary>
    public int Cancelled => _cancelled;

    private int _cancelled;

    public Task WaitForSearchesAsync(int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => _entered.WaitAsync(TimeSpan.FromSeconds(20))));

    public void Release() => _release.TrySetResult();

    public void Dispose() => _entered.Dispose();

    public OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken)
    {
        _entered.Release();
        try
        {
            _release.Task.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }

        return _engine.Generate(context, options, cancellationToken);
    }
}
