using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>The verdict on a proposal.</summary>
/// <param name="Accepted">The plan the proposal becomes, with its schedule, when acceptable; otherwise null.</param>
/// <param name="Violations">Every rule the proposal breaks, with the proposal's figure and the limit.</param>
/// <param name="Shortfall">The proposed installment amount when it is below the plan's.</param>
/// <param name="CompletedInstallments">
/// For a partial proposal whose terms each meet the rules but make no plan together: the n of the nearest plan with
/// those terms, which <paramref name="Violations"/> and <paramref name="Shortfall"/> describe.
/// </param>
public sealed record ProposalJudgement(
    PlanEvaluation? Accepted, IReadOnlyList<Violation> Violations, InstallmentShortfall? Shortfall, int? CompletedInstallments);
