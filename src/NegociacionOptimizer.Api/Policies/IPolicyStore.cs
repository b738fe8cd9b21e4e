using System.Diagnostics.CodeAnalysis;

namespace NegociacionOptimizer.Api.Policies;

/// <summary>The named policies a server holds (the built-in <c>default</c>, later files from a folder).</summary>
public interface IPolicyStore
{
    /// <summary>The policy named <paramref name="id"/>.</summary>
    bool TryGet(string id, [MaybeNullWhen(false)] out StoredPolicy policy);

    /// <summary>Every policy held, ordered by id.</summary>
    IReadOnlyList<StoredPolicy> All();
}
