using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>The maximum-likelihood fit of the behaviour model (SPEC §4) to a plan history.</summary>
/// <param name="BaseHazards">Base monthly hazard per burden bucket, ascending.</param>
/// <param name="ReasonMultipliers">Multiplier per reason, in the order of <see cref="Reason"/>.</param>
/// <param name="GraceHazardMultiplier">
/// m_g, from the plans with grace periods; <see cref="FitStatus.NotEstimated"/> (1.0) when no plan had one.
/// </param>
/// <param name="LogLikelihood">Log-likelihood at the optimum.</param>
/// <param name="RecordCount">Plans fitted.</param>
/// <param name="EventCount">Plans that broke.</param>
/// <param name="ConfidenceLevel">Level of the intervals.</param>
/// <param name="Model">The fitted model: every parameter's <see cref="FittedParameter.ModelValue"/>.</param>
public sealed record BehaviourFit(
    IReadOnlyList<FittedParameter> BaseHazards,
    IReadOnlyList<FittedParameter> ReasonMultipliers,
    FittedParameter GraceHazardMultiplier,
    double LogLikelihood,
    int RecordCount,
    int EventCount,
    double ConfidenceLevel,
    BehaviourModel Model);
