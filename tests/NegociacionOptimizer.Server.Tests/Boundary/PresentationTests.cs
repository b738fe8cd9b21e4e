using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Server.Tests.Support;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Tests.Boundary;

public class PresentationTests
{
    private static readonly Currency Cop = Currency.FromCode("COP");

    [Theory]
    [InlineData(4_500_000, "$ 45.000", "$45,000")]
    [InlineData(4_500_050, "$ 45.000,50", "$45,000.50")]
    [InlineData(120_000_000_00, "$ 120.000.000", "$120,000,000")]
    [InlineData(5, "$ 0,05", "$0.05")]
    public void Money_follows_the_local_convention_with_decimals_only_when_not_zero(long minor, string spanish, string english)
    {
        Assert.Equal(spanish, Formats.Money(new(minor, Cop), Language.Spanish));
        Assert.Equal(english, Formats.Money(new(minor, Cop), Language.English));
    }

    [Fact]
    public void Currencies_without_decimals_and_lettered_symbols_format_cleanly()
    {
        Assert.Equal("$ 1.500.000", Formats.Money(new(1_500_000, Currency.FromCode("CLP")), Language.Spanish));
        Assert.Equal("US$1,500", Formats.Money(new(150_000, Currency.FromCode("USD")), Language.English));
    }

    [Fact]
    public void Percentages_and_dates_are_spelled_per_language()
    {
        Assert.Equal("25,52 %", Formats.Percent(2552, Language.Spanish));
        Assert.Equal("20%", Formats.Percent(2000, Language.English));
        var asOf = new DateOnly(2026, 11, 20);
        Assert.Equal("5 de diciembre", Formats.Date(new DateOnly(2026, 12, 5), asOf, Language.Spanish));
        Assert.Equal("December 5", Formats.Date(new DateOnly(2026, 12, 5), asOf, Language.English));
        Assert.Equal("5 de enero de 2027", Formats.Date(new DateOnly(2027, 1, 5), asOf, Language.Spanish));
        Assert.Equal("January 5, 2027", Formats.Date(new DateOnly(2027, 1, 5), asOf, Language.English));
    }

    [Fact]
    public void A_binding_capacity_reads_as_a_neutral_phrase()
    {
        var rule = new Violation(RuleCode.Burden, 4_500_000, 4_500_000, FigureUnit.Minor);
        Assert.Equal("cuota limitada por la capacidad de pago de $ 45.000", RuleTexts.Binding(rule, Cop, Language.Spanish));
        Assert.Equal("installment capped by payment capacity of $45,000", RuleTexts.Binding(rule, Cop, Language.English));
    }

    [Fact]
    public void A_broken_rule_states_the_figure_and_the_limit()
    {
        var rule = new Violation(RuleCode.MinInstallment, 500_000, 1_000_000, FigureUnit.Minor);
        Assert.Equal("la cuota de $ 5.000 es menor que la cuota mínima de $ 10.000", RuleTexts.Broken(rule, Cop, Language.Spanish));
        Assert.Equal("the installment of $5,000 is below the minimum installment of $10,000", RuleTexts.Broken(rule, Cop, Language.English));
    }

    [Fact]
    public void A_suggestion_names_the_field_and_both_values()
    {
        var text = RuleTexts.Suggestion("inquiry.stated_monthly_capacity_minor", 6_000_000, 4_500_000, FigureUnit.Minor, Cop, Language.Spanish);
        Assert.Equal("habría una oferta con una capacidad de pago declarada de $ 60.000 (hoy $ 45.000)", text);
    }

    [Fact]
    public void Every_text_is_neutral_in_both_languages()
    {
        var texts = new List<string>();
        foreach (var language in Language.All)
        {
            foreach (var code in Enum.GetValues<RuleCode>())
            {
                var rule = new Violation(code, 12, 10, FigureUnit.Minor);
                texts.Add(RuleTexts.Binding(rule, Cop, language));
                texts.Add(RuleTexts.Broken(rule, Cop, language));
            }

            texts.Add(RuleTexts.ReviewRequired(D.Accounts.Reason.Dispute, language));
            texts.Add(RuleTexts.ReviewRequired(D.Accounts.Reason.FraudClaim, language));
            texts.Add(Scripts.ReviewSummary(language));
        }

        Assert.All(texts, t => Assert.Empty(BannedWords.In(t)));
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }
}
