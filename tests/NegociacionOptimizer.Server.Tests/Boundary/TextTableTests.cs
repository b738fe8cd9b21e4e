using System.Text.RegularExpressions;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Boundary;

/// <summary>The per-language text tables: complete, alike in their figures, and neutral.</summary>
public sealed partial class TextTableTests
{
    [Fact]
    public void There_is_a_Spanish_default_and_an_English_table()
    {
        Assert.Equal(["es-AR", "en"], Language.All.Select(l => l.Tag));
        Assert.Same(Language.Spanish, Language.Default);
    }

    [Fact]
    public void Every_key_exists_in_every_language()
    {
        var keys = Language.Default.Texts.Keys.Order(StringComparer.Ordinal).ToList();

        Assert.All(Language.All, l => Assert.Equal(keys, l.Texts.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_text_names_the_same_figures_in_every_language()
    {
        static IEnumerable<string> Figures(string text) => FigurePattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

        foreach (var (key, text) in Language.Default.Texts)
        {
            Assert.All(Language.All, l => Assert.Equal(Figures(text), Figures(l.Texts[key])));
        }
    }

    [Fact]
    public void Every_rule_frequency_and_month_has_its_texts_in_every_language()
    {
        var keys = Enum.GetValues<RuleCode>().SelectMany(c => new[] { $"Binding.{c}", $"Broken.{c}" })
            .Concat(Enum.GetValues<Frequency>().SelectMany(f => new[] { $"Frequency.{f}.One", $"Frequency.{f}.Other" }))
            .Concat(Enumerable.Range(1, 12).Select(m => $"Month.{m}"));

        Assert.All(Language.All, l => Assert.All(keys, k => Assert.True(l.Texts.ContainsKey(k), $"{l.Tag} has no {k}")));
    }

    [Fact]
    public void No_text_in_any_language_uses_a_banned_word()
    {
        var offending = Language.All.SelectMany(l => l.Texts.Where(t => BannedWords.In(t.Value).Any()).Select(t => $"{l.Tag} {t.Key}: {t.Value}"));

        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("", "es-AR")]
    [InlineData("es", "es-AR")]
    [InlineData("es-AR", "es-AR")]
    [InlineData("en", "en")]
    public void A_request_s_tag_selects_its_table(string tag, string expected)
    {
        Assert.True(Language.IsSupported(tag));
        Assert.Equal(expected, Language.FromTag(tag).Tag);
    }

    [Fact]
    public void An_unknown_tag_is_not_supported_and_the_message_lists_the_accepted_ones()
    {
        Assert.False(Language.IsSupported("fr"));
        Assert.Equal("\"es-AR\" (or \"es\", or empty) or \"en\"", Language.AcceptedTags());
        Assert.Throws<KeyNotFoundException>(() => Language.English.Text("No.Such.Key"));
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex FigurePattern();
}
