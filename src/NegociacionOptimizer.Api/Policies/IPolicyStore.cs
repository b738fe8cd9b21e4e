using System.Diagnostics.CodeAnalysis;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Api.Policies;

/// <summary>The named policies a server holds (the built-in <c>default</c>, later files from a folder).</summary>
public interface IPolicyStore
{
    /// <summary>The policy named <paramref name="id"/>.</summary>
    bool TryGet(string id, [MaybeNullWhen(false)] out StoredPolicy policy);

    /// <summary>Every policy held, ordered by id.</summary>
    IReadOnlyList<StoredPolicy> All();
}

/// <summary>A named policy and where it came from.</summary>
/// <param name="Policy">The complete policy.</param>
/// <param name="Source">"built-in" or the file name.</param>
public sealed record StoredPolicy(Policy Policy, string Source);
