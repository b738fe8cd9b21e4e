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
        string M(long minor) => Formats.Money(minor, currency, language);
        var en = language == Language.English;
        var discount = plan.Discount.TotalMinor > 0
            ? en ? $", with a discount of {M(plan.Discount.TotalMinor)}" : $", con una quita de {M(plan.Discount.TotalMinor)}"
            : string.Empty;
        if (plan.Terms.IsSettlement)
        {
            return en
                ? $"You can settle your balance today with a single payment of {M(plan.Terms.DownPaymentMinor)}{discount}."
                : $"Puede cancelar su saldo hoy con un pago único de {M(plan.Terms.DownPaymentMinor)}{discount}.";
        }

        var opening = plan.Terms.DownPaymentMinor > 0
            ? en ? $"With a down payment of {M(plan.Terms.DownPaymentMinor)} today, we can settle your balance in"
                 : $"Con un pago inicial de {M(plan.Terms.DownPaymentMinor)} hoy, podemos cancelar su saldo en"
            : en ? "We can settle your balance in" : "Podemos cancelar su saldo en";
        var first = plan.Schedule.Count > 0 ? Formats.Date(plan.Schedule[0].DueDate, asOf, language) : string.Empty;
        return $"{opening} {Installments(plan, currency, language)} {(en ? "starting" : "a partir del")} {first}{discount}.";
    }

    /// <summary>"12 cuotas mensuales de $ 45.000 (la última de $ 44.870)" / "12 monthly installments of $45,000 (the last one $44,870)".</summary>
    public static string Installments(PlanEvaluation plan, Currency currency, Language language)
    {
        var n = plan.Terms.Installments;
        var en = language == Language.English;
        var adjective = Formats.FrequencyAdjective(plan.Frequency, language, n != 1);
        var amount = Formats.Money(plan.InstallmentMinor, currency, language);
        var text = en
            ? $"{n} {adjective} installment{(n == 1 ? string.Empty : "s")} of {amount}"
            : $"{n} {(n == 1 ? "cuota" : "cuotas")} {adjective} de {amount}";
        if (n > 1 && plan.LastInstallmentMinor != plan.InstallmentMinor)
        {
            var last = Formats.Money(plan.LastInstallmentMinor, currency, language);
            text += en ? $" (the last one {last})" : $" (la última de {last})";
        }

        return text;
    }

    /// <summary>A response with offers: "3 ofertas para un saldo de $ 2.400.000; la primera: 12 cuotas mensuales de $ 215.000."</summary>
    public static string OffersSummary(int count, long balanceMinor, PlanEvaluation best, Currency currency, Language language)
    {
        var en = language == Language.English;
        var balance = Formats.Money(balanceMinor, currency, language);
        var bestText = best.Terms.IsSettlement
            ? en ? $"a single payment of {Formats.Money(best.Terms.DownPaymentMinor, currency, language)} today"
                 : $"un pago único de {Formats.Money(best.Terms.DownPaymentMinor, currency, language)} hoy"
            : Installments(best, currency, language);
        return en
            ? $"{count} offer{(count == 1 ? string.Empty : "s")} for a balance of {balance}; the first: {bestText}."
            : $"{count} {(count == 1 ? "oferta" : "ofertas")} para un saldo de {balance}; la primera: {bestText}.";
    }

    /// <summary>A response without a feasible plan, with its first reason.</summary>
    public static string NoPlanSummary(long balanceMinor, string? firstReason, Currency currency, Language language)
    {
        var balance = Formats.Money(balanceMinor, currency, language);
        var reason = firstReason is null ? string.Empty : $": {firstReason}";
        return language == Language.English
            ? $"No payment plan fits these conditions for a balance of {balance}{reason}."
            : $"No hay un plan de pagos posible con estas condiciones para un saldo de {balance}{reason}.";
    }

    /// <summary>A response for an account that needs review.</summary>
    public static string ReviewSummary(Language language) => language == Language.English
        ? "The account needs review before a payment plan can be offered."
        : "La cuenta necesita revisión antes de ofrecer un plan de pagos.";

    /// <summary>The verdict on a proposal.</summary>
    public static string ProposalSummary(bool acceptable, int violations, Language language) => (acceptable, language) switch
    {
        (true, Language.English) => "The proposal is acceptable.",
        (true, _) => "La propuesta es aceptable.",
        (false, Language.English) => $"The proposal is not acceptable: {violations} condition{(violations == 1 ? " is" : "s are")} not met.",
        _ => $"La propuesta no es aceptable: no cumple {violations} {(violations == 1 ? "condición" : "condiciones")}.",
    };
}
