namespace NegociacionOptimizer.Domain.Money;

/// <summary>An amount of money: exact minor units together with the currency they count, so neither travels alone.</summary>
/// <param name="Minor">Minor units (centavos).</param>
/// <param name="Currency">The currency of <paramref name="Minor"/>.</param>
public readonly record struct Amount(long Minor, Currency Currency)
{
    /// <summary>Whole major units, truncated toward zero.</summary>
    public long WholeMajor => Minor / Currency.MinorPerMajor;

    /// <inheritdoc/>
    public override string ToString() => $"{Minor} {Currency.Code} minor units";
}
