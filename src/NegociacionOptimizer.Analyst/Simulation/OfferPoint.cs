namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>One returned offer as a point of the U_c / U_d plane.</summary>
/// <param name="Rank">1 = highest N.</param>
/// <param name="CompanyValueMinor">U_c.</param>
/// <param name="PersonValueMinor">U_d.</param>
/// <param name="StartsNow">A settlement or a plan without grace periods (g = 0): the person starts paying now.</param>
internal sealed record OfferPoint(int Rank, long CompanyValueMinor, long PersonValueMinor, bool StartsNow);
