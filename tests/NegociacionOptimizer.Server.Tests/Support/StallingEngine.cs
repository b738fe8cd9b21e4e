using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>
/// A search that always uses its whole time limit: the real engine's offers, returned only when the limit passes or the
/// call is cancelled, marked not proven — what a search cut by the deadline gives, without depending on how long a
/// particular request takes on a busy machine.
/// </summary>
public sealed class StallingEngine : IOfferEngine
{
    private readonly CpSatOfferEngine _engine = new();

    public OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var set = _engine.Generate(context, options, cancellationToken);
        var left = options.TimeLimit - clock.Elapsed;
        if (left > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(left);
        }

        return set with { Stats = set.Stats with { OptimalProven = false, Elapsed = clock.Elapsed } };
    }
}
