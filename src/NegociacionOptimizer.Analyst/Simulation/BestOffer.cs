namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>The rank-1 offer's figures, money rounded to minor units as the wire reports them.</summary>
/// <param name="Kind">settlement, plan or deferred_plan.</param>
/// <param name="Frequency">FREQUENCY_* name; empty for a settlement.</param>
/// <param name="Installments">n.</param>
/// <param name="GracePeriods">g.</param>
/// <param name="DownPaymentMinor">D.</param>
/// <param name="DiscountMinor">Q.</param>
/// <param name="InstallmentMinor">A.</param>
/// <param name="ExpectedNpvMinor">E[NPV].</param>
/// <param name="RecoveryRatio">E[NPV] / B.</param>
/// <param name="Burden">Monthly equivalent over disposable income (0 for a settlement).</param>
/// <param name="CompanyValueMinor">U_c.</param>
/// <param name="PersonValueMinor">U_d.</param>
/// <param name="Score">N.</param>
internal sealed record BestOffer(
    string Kind,
    string Frequency,
    int Installments,
    int GracePeriods,
    long DownPaymentMinor,
    long DiscountMinor,
    long InstallmentMinor,
    long ExpectedNpvMinor,
    double RecoveryRatio,
    double Burden,
    long CompanyValueMinor,
    long PersonValueMinor,
    double Score)
{
    public const string Settlement = "settlement";
    public const string Plan = "plan";
    public const string DeferredPlan = "deferred_plan";
}
