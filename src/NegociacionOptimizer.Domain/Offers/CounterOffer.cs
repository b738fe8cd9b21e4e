using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>A feasible plan near a proposal.</summary>
/// <param name="Plan">Every figure of the plan (with its schedule).</param>
/// <param name="Distance">Its <see cref="ProposalDistance"/> from the proposal.</param>
/// <param name="Changes">Each term the person fixed, as proposed and as offered.</param>
/// <param name="BindingConstraints">Rules the plan meets exactly or nearly.</param>
/// <param name="ParetoEfficient">True when no feasible plan has U_c and U_d both ≥ and one &gt;.</param>
public sealed record CounterOffer(
    PlanEvaluation Plan, double Distance, IReadOnlyList<TermChange> Changes, IReadOnlyList<Violation> BindingConstraints, bool ParetoEfficient);
