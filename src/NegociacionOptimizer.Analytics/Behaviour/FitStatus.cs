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
