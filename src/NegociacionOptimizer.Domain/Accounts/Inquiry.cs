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

/// <summary>Why the account fell behind, as the inquiry found it.</summary>
public enum Reason
{
    /// <summary>Lost the job (pérdida de empleo).</summary>
    JobLoss = 1,
    /// <summary>Income went down (reducción de ingresos).</summary>
    IncomeReduction = 2,
    /// <summary>Illness (enfermedad).</summary>
    Illness = 3,
    /// <summary>Too many debts (sobreendeudamiento).</summary>
    OverIndebtedness = 4,
    /// <summary>Forgot to pay (olvido).</summary>
    Forgot = 5,
    /// <summary>Disputes the balance: no offers until review.</summary>
    Dispute = 6,
    /// <summary>Reports fraud: no offers until review.</summary>
    FraudClaim = 7,
    /// <summary>Any other reason.</summary>
    Other = 8,
}

/// <summary>Extensions on <see cref="Reason"/>.</summary>
public static class ReasonExtensions
{
    /// <summary>Disputed and fraud-claimed balances get no offers: the account needs review first.</summary>
    public static bool RequiresReview(this Reason reason) => reason is Reason.Dispute or Reason.FraudClaim;
}

/// <summary>The person's pay day: a day of the month (monthly earners) or a weekday (weekly and biweekly earners).</summary>
/// <param name="DayOfMonth">1..31, clamped to the month's length; null when a weekday is given.</param>
/// <param name="Weekday">Pay weekday; null when a day of the month is given.</param>
public readonly record struct PayDay(int? DayOfMonth, DayOfWeek? Weekday)
{
    /// <summary>A monthly pay day.</summary>
    public static PayDay OfMonth(int day) => new(day, null);

    /// <summary>A weekly or biweekly pay day.</summary>
    public static PayDay OnWeekday(DayOfWeek weekday) => new(null, weekday);
}
