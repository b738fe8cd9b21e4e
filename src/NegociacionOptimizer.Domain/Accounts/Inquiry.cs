namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>What the contact's inquiry (indagación) found about the person's means.</summary>
/// <param name="MonthlyIncomeMinor">Net monthly income, minor units; null when not asked.</param>
/// <param name="EssentialExpensesMinor">Monthly essential expenses, minor units (null = 0).</param>
/// <param name="OtherDebtPaymentsMinor">Monthly payments on other debts, minor units (null = 0).</param>
/// <param name="StatedMonthlyCapacityMinor">What the person says they can pay a month, minor units; null when not stated.</param>
/// <param name="LumpSumMinor">What the person can pay today, minor units, ≥ 0.</param>
/// <param name="IncomeFrequency">How often the person is paid.</param>
/// <param name="PayDay">The person's pay day.</param>
/// <param name="Reason">Why the account fell behind.</param>
public sealed record Inquiry(
    long? MonthlyIncomeMinor,
    long? EssentialExpensesMinor,
    long? OtherDebtPaymentsMinor,
    long? StatedMonthlyCapacityMinor,
    long LumpSumMinor,
    Frequency IncomeFrequency,
    PayDay PayDay,
    Reason Reason)
{
    /// <summary>Income − essential expenses − other debt payments, minor units (may be ≤ 0); null without income.</summary>
    public long? IncomeBasedDisposableMinor =>
        MonthlyIncomeMinor is { } income
            ? income - (EssentialExpensesMinor ?? 0) - (OtherDebtPaymentsMinor ?? 0)
            : null;
}
