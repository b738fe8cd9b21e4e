using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>
/// Neutral sentences for the rules of a plan: why an offer is shaped as it is (binding), why a plan or proposal is not
/// possible (violation), and what change would make an offer exist (suggestion). Each rule's text is the language
/// table's <c>Binding.&lt;code&gt;</c> and <c>Broken.&lt;code&gt;</c>.
/// </summary>
public static class RuleTexts
{
    /// <summary>A rule the offer meets exactly: "cuota limitada por la capacidad de pago de $ 45.000".</summary>
    public static string Binding(Violation rule, Currency currency, Language language) =>
        language.Text($"Binding.{rule.Code}", ("limit", Formats.Figure(rule.Limit, rule.Unit, currency, language)));

    /// <summary>A rule a plan or proposal breaks: "la cuota mensual de $ 50.000 supera la capacidad de pago de $ 45.000".</summary>
    public static string Broken(Violation rule, Currency currency, Language language)
    {
        // A frequency rule's figures are periods a year, named by the frequency's adjective.
        var (value, limit) = rule.Code == RuleCode.Frequency
            ? (Formats.FrequencyAdjective((Frequency)(int)rule.Value, language, plural: true),
                Formats.FrequencyAdjective((Frequency)(int)rule.Limit, language, plural: true))
            : (Formats.Figure(rule.Value, rule.Unit, currency, language), Formats.Figure(rule.Limit, rule.Unit, currency, language));
        return language.Text(
            $"Broken.{rule.Code}",
            ("value", value),
            ("limit", limit),
            ("shortfall", Formats.Money(new(-rule.Value, currency), language)),
            ("maxYear", BusinessCalendars.MaxYear));
    }

    /// <summary>The smallest change to <paramref name="field"/> that would make an offer exist.</summary>
    public static string Suggestion(string field, long value, long current, FigureUnit unit, Currency currency, Language language) =>
        language.Text(
            "Suggestion",
            ("label", language.TextOrNull($"Field.{field}") ?? field),
            ("target", Formats.Figure(value, unit, currency, language)),
            ("now", Formats.Figure(current, unit, currency, language)));

    /// <summary>Why a disputed or fraud-claimed balance gets no offer.</summary>
    public static string ReviewRequired(Reason reason, Language language) =>
        language.Text(reason == Reason.FraudClaim ? "Review.FraudClaim" : "Review.Dispute");

    /// <summary>The proposed installment is below what the plan it describes needs.</summary>
    public static string InstallmentShort(long proposed, long needed, Currency currency, Language language) =>
        language.Text(
            "Proposal.InstallmentShort",
            ("proposed", Formats.Money(new(proposed, currency), language)),
            ("needed", Formats.Money(new(needed, currency), language)));
}
