namespace NegociacionOptimizer.Domain.Plans;

/// <summary>A rule a plan breaks (or, for binding constraints, meets exactly), with the plan's figure and the limit.</summary>
/// <param name="Code">Which rule.</param>
/// <param name="Value">The plan's figure, in <paramref name="Unit"/>.</param>
/// <param name="Limit">The limit, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of both figures.</param>
public readonly record struct Violation(RuleCode Code, long Value, long Limit, FigureUnit Unit);
