using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Ledger;

/// <summary>
/// The policy store's archive in the ledger: each version as its normalized protobuf JSON (every field, defaults filled
/// in) with the SHA-256 of that JSON, so the same content always has the same hash whatever the file's layout.
/// </summary>
/// <param name="ledger">The ledger.</param>
/// <param name="logger">Where a stored version this build cannot read is reported.</param>
public sealed partial class LedgerPolicyArchive(SqlLedger ledger, ILogger<LedgerPolicyArchive> logger) : IPolicyArchive
{
    /// <inheritdoc/>
    public IReadOnlyList<StoredPolicy> Kept()
    {
        var kept = new List<StoredPolicy>();
        var none = new Dictionary<string, StoredPolicy>(StringComparer.Ordinal);
        foreach (var version in ledger.ActivePolicies())
        {
            var problems = new Problems();
            var policy = PolicyChecks.Parse(version.Document, problems) is { } message ? PolicyChecks.Document(message, null, none, problems) : null;
            if (policy is null)
            {
                LogUnreadable(logger, version.PolicyId, version.Version, LogText.Escape(string.Join("; ", problems.Items.Select(p => $"{p.Field}: {p.Description}")), 2000));
                continue;
            }

            kept.Add(new StoredPolicy(policy, PolicyStore.LedgerSource));
        }

        return kept;
    }

    /// <inheritdoc/>
    public string? Publish(StoredPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var document = JsonFormatter.Default.Format(PolicyToProto.Map(policy.Policy));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        var publication = ledger.PublishPolicy(new PolicyVersion(policy.Policy.Id, policy.Policy.Version, hash, document, $"policies folder: {policy.Source}"));
        if (publication != PolicyPublication.VersionReused)
        {
            return null;
        }

        var next = ledger.HighestVersion(policy.Policy.Id) + 1;
        return $"version {policy.Policy.Version} of \"{policy.Policy.Id}\" was published before with other content and a version is never reused; give it version {next} or more";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Policy {Id} version {Version} in the ledger cannot be read by this build and is not served: {Problems}")]
    private static partial void LogUnreadable(ILogger logger, string id, int version, string problems);
}
