namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>How often installments fall due; the value is the number of periods a year (p).</summary>
public enum Frequency
{
    /// <summary>Monthly (mensual): 12 periods a year.</summary>
    Monthly = 12,
    /// <summary>Every two weeks (quincenal/catorcenal): 26 periods a year.</summary>
    Biweekly = 26,
    /// <summary>Weekly (semanal): 52 periods a year.</summary>
    Weekly = 52,
}
