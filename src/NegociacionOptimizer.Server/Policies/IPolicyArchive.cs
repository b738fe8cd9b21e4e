using NegociacionOptimizer.Api.Policies;

namespace NegociacionOptimizer.Server.Policies;

/// <summary>
/// Where the policy store records every version it activates and finds, at start, the last good version of every policy
/// (the ledger, SPEC §8), so a policy survives restarts, bad saves and deleted files, and a version number is never
/// reused for other content.
/// </summary>
public interface IPolicyArchive
{
    /// <summary>The last good version of every policy recorded, with <see cref="PolicyStore.LedgerSource"/> as source.</summary>
    IReadOnlyList<StoredPolicy> Kept();

    /// <summary>
    /// Records <paramref name="policy"/> (loaded from its file) as its id's last good version; returns why it may not
    /// be (its version was published with other content), or null when recorded.
    /// </summary>
    /// <exception cref="NegociacionOptimizer.Ledger.LedgerUnavailableException">The ledger cannot write now.</exception>
    string? Publish(StoredPolicy policy);
}
