namespace NegociacionOptimizer.Domain.Offers;

/// <summary>What kind of answer a search gives.</summary>
public enum OfferOutcome
{
    /// <summary>At least one feasible offer.</summary>
    Offers,
    /// <summary>No plan meets every constraint.</summary>
    NoFeasiblePlan,
    /// <summary>Disputed or fraud-claimed balance: no offers until review.</summary>
    ReviewRequired,
}
