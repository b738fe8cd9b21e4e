namespace NegociacionOptimizer.Domain.Plans;

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
