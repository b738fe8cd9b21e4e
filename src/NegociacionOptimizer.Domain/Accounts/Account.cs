using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>The account's pending balance (saldo) at <see cref="AsOf"/>. Validated at the boundary.</summary>
/// <param name="AccountId">Caller's opaque id (used for the champion/challenger split).</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="PrincipalMinor">Outstanding principal (capital), minor units, ≥ 0.</param>
/// <param name="InterestMinor">Accrued interest, minor units, ≥ 0.</param>
/// <param name="FeesMinor">Fees and charges (gastos), minor units, ≥ 0.</param>
/// <param name="DaysPastDue">Days past due, ≥ 0.</param>
/// <param name="AsOf">Valuation date: the down payment is paid on it and every time counts from it.</param>
public sealed record Account(
    string AccountId,
    Currency Currency,
    long PrincipalMinor,
    long InterestMinor,
    long FeesMinor,
    int DaysPastDue,
    DateOnly AsOf)
{
    /// <summary>B = principal + interest + fees, minor units.</summary>
    public long BalanceMinor => PrincipalMinor + InterestMinor + FeesMinor;

    /// <summary>B with its currency.</summary>
    public Amount Balance => new(BalanceMinor, Currency);
}
