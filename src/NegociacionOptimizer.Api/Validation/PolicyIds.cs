using System.Text.RegularExpressions;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>
/// The one rule for a policy id, wherever one arrives (a file, a request, GetPolicy): 1..64 of a-z, 0-9 and '-', nothing
/// around it (no spaces, no line break: ids reach log lines and file names).
/// </summary>
public static partial class PolicyIds
{
    /// <summary>The rule in words, for a field violation (the id itself is not echoed: it may hold control characters).</summary>
    public const string Rule = "must be 1..64 characters of a-z, 0-9 and '-', without spaces or line breaks";

    /// <summary>Whether <paramref name="id"/> follows the rule.</summary>
    public static bool IsWellFormed(string id) => Pattern().IsMatch(id);

    // \z, not $: $ also matches before a final line break.
    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z")]
    private static partial Regex Pattern();
}
