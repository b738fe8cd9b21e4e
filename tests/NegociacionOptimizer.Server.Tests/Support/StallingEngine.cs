using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>
/// A search that always uses its whole time limit: the real engine's offers, returned only when the server stops the
/// search (its time limit, the deadline watchdog or the call's cancellation), marked not proven — what a search cut by the deadline gives, without depending on how long a
/// particular request takes on a busy machine.
/// </summary>
public sealed class StallingEngine : IOfferEngine
{
    private readonly CpSatOfferEngine _engine = new();

    /// <summary>Released once per search, when the real engine has answered and the stall begins.</summary>
    public SemaphoreSlim Stalling { get; } = new(0);

    public OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var set = _engine.Generate(context, options, cancellationToken);
        Stalling.Release();
        // The server cancels at the time limit it set, counted from when it started the search (this method starts
        // later): waiting for that, not for this method's own clock, is what a search cut by the limit does.
        cancellationToken.WaitHandle.WaitOne(options.TimeLimit + TimeSpan.FromSeconds(5));

        return set with { Stats = set.Stats with { OptimalProven = false, Elapsed = clock.Elapsed } };
    }
}
