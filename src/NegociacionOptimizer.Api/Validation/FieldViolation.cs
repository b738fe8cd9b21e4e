namespace NegociacionOptimizer.Api.Validation;

/// <summary>One problem with one request field.</summary>
/// <param name="Field">Path in proto field names, e.g. "inquiry.pay_day.day_of_month".</param>
/// <param name="Description">What is wrong and what is allowed.</param>
public sealed record FieldViolation(string Field, string Description);
