namespace NegociacionOptimizer.Domain.Plans;

/// <summary>Units of an explanation's figures.</summary>
public enum FigureUnit
{
    /// <summary>Minor units of the currency.</summary>
    Minor,
    /// <summary>Basis points.</summary>
    BasisPoints,
    /// <summary>Number of installments.</summary>
    Installments,
    /// <summary>Number of periods.</summary>
    Periods,
}
