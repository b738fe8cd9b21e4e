using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>One offer of the ranked set.</summary>
/// <param name="OfferId">Deterministic id (same request and policy, same id).</param>
/// <param name="Rank">1 = highest N.</param>
/// <param name="LadderPosition">Presentation order, 1 = highest U_c.</param>
/// <param name="Plan">Every figure of the plan.</param>
/// <param name="ParetoEfficient">True when no feasible plan has U_c and U_d both ≥ and one &gt;.</param>
/// <param name="TermClass">The term class the plan belongs to.</param>
/// <param name="BindingConstraints">Rules the plan meets exactly or nearly (what shaped it).</param>
public sealed record RankedOffer(
    string OfferId,
    int Rank,
    int LadderPosition,
    PlanEvaluation Plan,
    bool ParetoEfficient,
    TermClass TermClass,
    IReadOnlyList<Violation> BindingConstraints);
