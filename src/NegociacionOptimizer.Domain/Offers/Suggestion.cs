using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>A smallest change to one input that would make an offer exist.</summary>
/// <param name="Code">The rule the change relaxes.</param>
/// <param name="Field">The request or policy field, e.g. "inquiry.stated_monthly_capacity_minor".</param>
/// <param name="Value">The value the field would need, in <paramref name="Unit"/>.</param>
/// <param name="Current">Its current value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of both values.</param>
public sealed record Suggestion(RuleCode Code, string Field, long Value, long Current, FigureUnit Unit);
