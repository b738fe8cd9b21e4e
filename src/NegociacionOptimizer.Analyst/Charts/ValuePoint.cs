namespace NegociacionOptimizer.Analyst.Charts;

/// <summary>A feasible plan as a point of the U_c / U_d plane, minor units.</summary>
/// <param name="CompanyValueMinor">U_c.</param>
/// <param name="PersonValueMinor">U_d.</param>
internal readonly record struct ValuePoint(double CompanyValueMinor, double PersonValueMinor);
