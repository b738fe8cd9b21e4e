namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>What one account got under one policy.</summary>
internal enum ResultOutcome
{
    /// <summary>At least one offer.</summary>
    Offers,
    /// <summary>No plan meets every constraint.</summary>
    NoFeasiblePlan,
    /// <summary>Disputed or fraud-claimed balance: no offers until review.</summary>
    ReviewRequired,
    /// <summary>The item failed (a server's per-item error).</summary>
    Error,
}
