using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Server.Policies;

/// <summary>The server's named policies: the built-in <c>default</c> plus any given at construction.</summary>
public sealed class PolicyStore : IPolicyStore
{
    /// <summary>Source name of the built-in policy.</summary>
    public const string BuiltInSource = "built-in";

    private readonly FrozenDictionary<string, StoredPolicy> _policies;

    /// <summary>A store with the built-in policy and <paramref name="extra"/> (which may replace it by id).</summary>
    public PolicyStore(IEnumerable<StoredPolicy>? extra = null)
    {
        var all = new Dictionary<string, StoredPolicy>(StringComparer.Ordinal)
        {
            [PolicyDefaults.DefaultPolicyId] = new(PolicyDefaults.BuiltIn, BuiltInSource),
        };
        foreach (var policy in extra ?? [])
        {
            all[policy.Policy.Id] = policy;
        }

        _policies = all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public bool TryGet(string id, [MaybeNullWhen(false)] out StoredPolicy policy) => _policies.TryGetValue(id, out policy);

    /// <inheritdoc/>
    public IReadOnlyList<StoredPolicy> All() => [.. _policies.Values.OrderBy(p => p.Policy.Id, StringComparer.Ordinal)];
}
