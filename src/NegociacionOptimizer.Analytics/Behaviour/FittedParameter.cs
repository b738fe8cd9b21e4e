using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Analytics.Behaviour;

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
