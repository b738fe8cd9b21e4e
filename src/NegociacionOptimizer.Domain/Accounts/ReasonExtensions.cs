namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>Extensions on <see cref="Reason"/>.</summary>
public static class ReasonExtensions
{
    /// <summary>Disputed and fraud-claimed balances get no offers: the account needs review first.</summary>
    public static bool RequiresReview(this Reason reason) => reason is Reason.Dispute or Reason.FraudClaim;
}
