using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Analytics.Portfolio;

/// <summary>One account of a portfolio with what its contact found: the input of a what-if run.</summary>
/// <param name="AccountId">The account's id (same as <see cref="Account.AccountId"/>).</param>
/// <param name="Account">The pending balance.</param>
/// <param name="Inquiry">What the inquiry found.</param>
public sealed record PortfolioAccount(string AccountId, Account Account, Inquiry Inquiry);
