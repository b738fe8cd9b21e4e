using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>
/// A language of scripts and explanations: its texts and its number and date conventions, read from one table per
/// language (<c>Presentation/Texts/&lt;tag&gt;.json</c>, embedded). A new language is a new table; every table has the
/// same keys (a test checks it). Texts name their figures in braces ("{limit}") and filled in by name.
/// </summary>
public sealed class Language
{
    private const string ResourcePrefix = "NegociacionOptimizer.Api.Texts.";

    private readonly FrozenDictionary<string, string> _texts;

    private Language(string tag, IReadOnlyList<string> aliases, FrozenDictionary<string, string> texts)
    {
        Tag = tag;
        Aliases = aliases;
        _texts = texts;
    }

    /// <summary>The language's tag, e.g. "es-AR".</summary>
    public string Tag { get; }

    /// <summary>Other tags a request may use for it; "" marks the default language.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Every text of the language, by key.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>Every language with a table, the default first.</summary>
    public static IReadOnlyList<Language> All { get; } = Load();

    /// <summary>The language of a request that names none: es-AR.</summary>
    public static Language Default { get; } = All[0];

    /// <summary>Spanish as spoken in Argentina (es-AR).</summary>
    public static Language Spanish { get; } = FromTag("es-AR");

    /// <summary>English.</summary>
    public static Language English { get; } = FromTag("en");

    /// <summary>Whether a request's <c>language</c> tag names a language (a tag or an alias; "" is the default).</summary>
    public static bool IsSupported(string tag) => All.Any(l => l.Names(tag));

    /// <summary>The language a request's tag names; the default for a tag no table has.</summary>
    public static Language FromTag(string? tag) => All.FirstOrDefault(l => l.Names(tag ?? string.Empty)) ?? All[0];

    /// <summary>The tags a request may use, as a validation message lists them: "es-AR" (or "es", or empty) or "en".</summary>
    public static string AcceptedTags() => string.Join(" or ", All.Select(l =>
        l.Aliases.Count == 0
            ? $"\"{l.Tag}\""
            : $"\"{l.Tag}\" (or {string.Join(", or ", l.Aliases.Select(a => a.Length == 0 ? "empty" : $"\"{a}\""))})"));

    /// <summary>The text under <paramref name="key"/> with each "{name}" replaced by its value.</summary>
    /// <exception cref="KeyNotFoundException">The language's table has no such key.</exception>
    public string Text(string key, params ReadOnlySpan<(string Name, object Value)> figures)
    {
        if (!_texts.TryGetValue(key, out var template))
        {
            throw new KeyNotFoundException($"The {Tag} texts have no \"{key}\".");
        }

        if (figures.IsEmpty)
        {
            return template;
        }

        var text = new StringBuilder(template);
        foreach (var (name, value) in figures)
        {
            text.Replace($"{{{name}}}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The singular (<c>key.One</c>) or plural (<c>key.Other</c>) text for a count of <paramref name="count"/>.</summary>
    public string Plural(string key, long count, params ReadOnlySpan<(string Name, object Value)> figures) =>
        Text(count == 1 ? key + ".One" : key + ".Other", figures);

    /// <summary>The text under <paramref name="key"/>, or null when the table has none.</summary>
    public string? TextOrNull(string key) => _texts.GetValueOrDefault(key);

    /// <inheritdoc/>
    public override string ToString() => Tag;

    private bool Names(string tag) =>
        string.Equals(tag, Tag, StringComparison.Ordinal) || Aliases.Contains(tag, StringComparer.Ordinal);

    private static Language[] Load()
    {
        var assembly = typeof(Language).Assembly;
        var languages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                var table = JsonSerializer.Deserialize<TextTable>(stream, JsonSerializerOptions.Web)!;
                return new Language(table.Tag, table.Aliases, table.Texts.ToFrozenDictionary(StringComparer.Ordinal));
            })
            .ToList();
        // The default (the language with the empty alias) first.
        return [.. languages.OrderBy(l => l.Aliases.Contains(string.Empty) ? 0 : 1)];
    }

    /// <summary>One language's table as stored.</summary>
    private sealed record TextTable(string Tag, string[] Aliases, Dictionary<string, string> Texts);
}
