using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>Computes the ranked set of offers for one negotiation (SPEC §5–§6).</summary>
public interface IOfferEngine
{
    /// <summary>
    /// The ranked set for <paramref name="context"/>. Never throws for an infeasible case (the answer says why); stops
    /// early, keeping what it found, when <paramref name="cancellationToken"/> fires or the time limit passes.
    /// </summary>
    OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken);
}
