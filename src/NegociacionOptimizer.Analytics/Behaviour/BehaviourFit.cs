using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>How a parameter of the fit got its value.</summary>
public enum FitStatus
{
    /// <summary>Maximum-likelihood estimate with a confidence interval.</summary>
    Estimated,
    /// <summary>
    /// Plans were observed but none broke: the estimate is 0 and only the upper bound is informative, so the fitted model
    /// keeps the reference value (the fallback model's hazard, or 1.0 for a multiplier).
    /// </summary>
    NoEvents,
    /// <summary>No plan in the data: the value is taken from the fallback model (or 1.0 for a multiplier).</summary>
    NotEstimated,
    /// <summary>Fixed by construction: REASON_OTHER's multiplier is 1.0, the reference of the others.</summary>
    Fixed,
}

/// <summary>One fitted parameter: a bucket's base monthly hazard, a reason's multiplier or the grace multiplier m_g.</summary>
/// <param name="BurdenFromBp">The bucket's lower bound, bp (base hazards only).</param>
/// <param name="Reason">The reason (reason multipliers only).</param>
/// <param name="Status">How the value was obtained.</param>
/// <param name="Estimate">Point estimate.</param>
/// <param name="StandardError">Standard error by the delta method (estimated parameters only).</param>
/// <param name="Lower">Lower confidence bound (estimated parameters; 0 for <see cref="FitStatus.NoEvents"/>).</param>
/// <param name="Upper">Upper confidence bound (estimated parameters; the one-sided bound for <see cref="FitStatus.NoEvents"/>).</param>
/// <param name="Records">Plans that informed it.</param>
/// <param name="Events">Plans among them that broke.</param>
/// <param name="ExposureMonths">Months those plans were at risk (periods survived × 12/p).</param>
/// <param name="ModelValue">
/// The value the fitted model carries: the estimate (within the policy's range) when <see cref="FitStatus.Estimated"/>,
/// otherwise the reference value; never the 0 of a parameter whose plans never broke.
/// </param>
public sealed record FittedParameter(
    int? BurdenFromBp,
    Reason? Reason,
    FitStatus Status,
    double Estimate,
    double? StandardError,
    double? Lower,
    double? Upper,
    int Records,
    int Events,
    double ExposureMonths,
    double ModelValue);

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
