using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// A plan (SPEC §3): down payment D paid at as-of, discount Q, frequency f, n installments after g grace periods.
/// n = 0 is a single-payment settlement (cancelación en un pago): D = B − Q.
/// </summary>
/// <param name="DownPaymentMinor">D (anticipo), minor units.</param>
/// <param name="DiscountMinor">Q (quita), minor units.</param>
/// <param name="Frequency">f; by convention <see cref="Frequency.Monthly"/> for a settlement.</param>
/// <param name="Installments">n (cuotas), 0 for a settlement.</param>
/// <param name="GracePeriods">g (períodos de gracia), 0 for a settlement.</param>
public readonly record struct PlanTerms(long DownPaymentMinor, long DiscountMinor, Frequency Frequency, int Installments, int GracePeriods)
{
    /// <summary>True for a single-payment settlement.</summary>
    public bool IsSettlement => Installments == 0;

    /// <summary>True when the plan starts now (SPEC §5): a settlement, or a plan without grace periods.</summary>
    public bool StartsNow => Installments == 0 || GracePeriods == 0;

    /// <summary>The plan's structure (f, n, g).</summary>
    public PlanStructure Structure => new(Frequency, Installments, GracePeriods);

    /// <summary>A settlement of the whole balance minus <paramref name="discountMinor"/>, paid today.</summary>
    public static PlanTerms Settlement(long balanceMinor, long discountMinor) =>
        new(balanceMinor - discountMinor, discountMinor, Frequency.Monthly, 0, 0);
}
