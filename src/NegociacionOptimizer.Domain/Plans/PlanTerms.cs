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

/// <summary>A plan's structure (f, n, g): what the amounts D and Q are chosen within.</summary>
/// <param name="Frequency">f.</param>
/// <param name="Installments">n, 0 for a settlement.</param>
/// <param name="GracePeriods">g.</param>
public readonly record struct PlanStructure(Frequency Frequency, int Installments, int GracePeriods)
{
    /// <summary>The settlement structure.</summary>
    public static PlanStructure Settlement { get; } = new(Frequency.Monthly, 0, 0);

    /// <summary>True for the settlement structure.</summary>
    public bool IsSettlement => Installments == 0;
}

/// <summary>The discount Q split over fees, then interest, then principal (SPEC §2).</summary>
/// <param name="FeesMinor">Discount on fees, minor units.</param>
/// <param name="InterestMinor">Discount on interest, minor units.</param>
/// <param name="PrincipalMinor">Discount on principal, minor units.</param>
public readonly record struct DiscountSplit(long FeesMinor, long InterestMinor, long PrincipalMinor)
{
    /// <summary>Q, minor units.</summary>
    public long TotalMinor => FeesMinor + InterestMinor + PrincipalMinor;
}

/// <summary>One installment of a dated schedule.</summary>
/// <param name="Number">1..n.</param>
/// <param name="DueDate">Pay day of period g + number, moved to the next business day.</param>
/// <param name="DaysFromAsOf">t_k: days from as-of to the due date.</param>
/// <param name="AmountMinor">Installment amount, minor units.</param>
/// <param name="InterestMinor">Interest part, minor units.</param>
/// <param name="PrincipalMinor">Principal part, minor units.</param>
/// <param name="RemainingBalanceMinor">Balance after the installment, minor units.</param>
public readonly record struct ScheduledPayment(
    int Number, DateOnly DueDate, int DaysFromAsOf, long AmountMinor, long InterestMinor, long PrincipalMinor, long RemainingBalanceMinor);
