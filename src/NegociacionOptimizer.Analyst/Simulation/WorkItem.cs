using NegociacionOptimizer.Analytics.Portfolio;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>One account under one policy.</summary>
/// <param name="Sequence">Position in the run (account index × policies + policy index): results are reported in this order.</param>
/// <param name="Input">The account and what its contact found.</param>
/// <param name="PolicyIndex">0 = the policy, 1 = the challenger.</param>
internal sealed record WorkItem(long Sequence, PortfolioAccount Input, int PolicyIndex)
{
    /// <summary>Every policy of each account, in order; the caller's enumeration decides how many accounts are taken.</summary>
    public static IEnumerable<WorkItem> For(IEnumerable<PortfolioAccount> accounts, int policies)
    {
        long index = 0;
        foreach (var account in accounts)
        {
            for (var p = 0; p < policies; p++)
            {
                yield return new WorkItem((index * policies) + p, account, p);
            }

            index++;
        }
    }
}
