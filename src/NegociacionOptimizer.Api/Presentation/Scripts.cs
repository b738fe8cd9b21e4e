using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>The one-line neutral script of an offer and the summary sentence of a response.</summary>
public static class Scripts
{
    /// <summary>
    /// "Podemos cancelar su saldo en 12 cuotas mensuales de $ 45.000 a partir del 5 de diciembre." /
    /// "Puede cancelar su saldo hoy con un pago único de $ 1.200.000, con una quita de $ 300.000."
    /// </summary>
    public static string Offer(PlanEvaluation plan, DateOnly asOf, Currency currency, Language language)
    {
        string M(long minor) => Formats.Money(new(minor, currency), language);
        var discount = plan.Discount.TotalMinor > 0 ? language.Text("Script.Discount", ("discount", M(plan.Discount.TotalMinor))) : string.Empty;
        if (plan.Terms.IsSettlement)
        {
            return language.Text("Script.Settlement", ("amount", M(plan.Terms.DownPaymentMinor)), ("discount", discount));
        }

        return language.Text(
            plan.Terms.DownPaymentMinor > 0 ? "Script.PlanWithDownPayment" : "Script.Plan",
            ("down", M(plan.Terms.DownPaymentMinor)),
            ("installments", Installments(plan, currency, language)),
            ("first", plan.Schedule.Count > 0 ? Formats.Date(plan.Schedule[0].DueDate, asOf, language) : string.Empty),
            ("discount", discount));
    }

    /// <summary>"12 cuotas mensuales de $ 45.000 (la última de $ 44.870)" / "12 monthly installments of $45,000 (the last one $44,870)".</summary>
    public static string Installments(PlanEvaluation plan, Currency currency, Language language)
    {
        var n = plan.Terms.Installments;
        var text = language.Plural(
            "Installments",
            n,
            ("n", n),
            ("adjective", Formats.FrequencyAdjective(plan.Frequency, language, n != 1)),
            ("amount", Formats.Money(new(plan.InstallmentMinor, currency), language)));
        if (n > 1 && plan.LastInstallmentMinor != plan.InstallmentMinor)
        {
            text += language.Text("Installments.Last", ("last", Formats.Money(new(plan.LastInstallmentMinor, currency), language)));
        }

        return text;
    }

    /// <summary>A response with offers: "3 ofertas para un saldo de $ 2.400.000; la primera: 12 cuotas mensuales de $ 215.000."</summary>
    public static string OffersSummary(int count, long balanceMinor, PlanEvaluation best, Currency currency, Language language)
    {
        var bestText = best.Terms.IsSettlement
            ? language.Text("Summary.BestSettlement", ("amount", Formats.Money(new(best.Terms.DownPaymentMinor, currency), language)))
            : Installments(best, currency, language);
        return language.Plural(
            "Summary.Offers", count, ("count", count), ("balance", Formats.Money(new(balanceMinor, currency), language)), ("best", bestText));
    }

    /// <summary>A response without a feasible plan, with its first reason.</summary>
    public static string NoPlanSummary(long balanceMinor, string? firstReason, Currency currency, Language language) =>
        language.Text(
            "Summary.NoPlan",
            ("balance", Formats.Money(new(balanceMinor, currency), language)),
            ("reason", firstReason is null ? string.Empty : $": {firstReason}"));

    /// <summary>A response for an account that needs review.</summary>
    public static string ReviewSummary(Language language) => language.Text("Summary.Review");

    /// <summary>The verdict on a proposal.</summary>
    public static string ProposalSummary(bool acceptable, int violations, Language language) =>
        acceptable ? language.Text("Proposal.Acceptable") : language.Plural("Proposal.NotAcceptable", violations, ("count", violations));
}
