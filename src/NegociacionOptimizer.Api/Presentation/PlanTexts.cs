using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>The sentences of PlanService answers and refusals, neutral, es-AR by default, en on request.</summary>
public static class PlanTexts
{
    /// <summary>Where a plan stands, e.g. "Plan al día: próximo pago 2 de 12, $45.000,00 el 2026-12-10."</summary>
    public static string Summary(Plan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var en = language == Language.English;
        var currency = Currency.FromCode(plan.Currency);
        var paid = Formats.Money(plan.PaidMinor, currency, language);
        var total = Formats.Money(plan.TotalToPayMinor, currency, language);
        return plan.Status switch
        {
            PlanStatus.Completed => en
                ? $"Plan completed on {plan.ClosedOn}: {paid} paid."
                : $"Plan cancelado el {plan.ClosedOn}: se pagaron {paid}.",
            PlanStatus.Broken => en
                ? $"Plan ended on {plan.ClosedOn} with {paid} of {total} paid."
                : $"Plan finalizado el {plan.ClosedOn} con {paid} pagados de {total}.",
            _ when plan.NextDue is { } next => en
                ? $"Plan active: {paid} of {total} paid; next payment {Which(next.Number, en)}, {Formats.Money(next.AmountMinor - next.PaidMinor, currency, language)} due on {next.DueDate}."
                : $"Plan vigente: {paid} pagados de {total}; próximo pago {Which(next.Number, en)}, {Formats.Money(next.AmountMinor - next.PaidMinor, currency, language)} con vencimiento el {next.DueDate}.",
            _ => en
                ? $"Plan active: {paid} of {total} paid; no payment is pending, one or more were noted missed."
                : $"Plan vigente: {paid} pagados de {total}; no quedan pagos pendientes y hay pagos registrados como no realizados.",
        };
    }

    /// <summary>Why an offer cannot be accepted or a report recorded (the violation type names the reason).</summary>
    public static string Refusal(string type, Language language, string? detail = null)
    {
        var en = language == Language.English;
        return type switch
        {
            PlanRefusals.OfferAlreadyAccepted => en
                ? "This offer was accepted already; look the plan up with GetPlan or ListPlans."
                : "Esta oferta ya fue aceptada; consulte el plan con GetPlan o ListPlans.",
            PlanRefusals.OfferSuperseded => en
                ? "This offer no longer applies: another offer was accepted or newer offers were made for the account; ask for new offers."
                : "Esta oferta ya no aplica: se aceptó otra o se hicieron ofertas más recientes para la cuenta; pida ofertas nuevas.",
            PlanRefusals.OfferNotRecorded => en
                ? "The ledger holds no such offer (not issued here, or removed after the retention period); ask for new offers."
                : "El registro no tiene esa oferta (no se emitió aquí o se depuró al vencer el plazo de conservación); pida ofertas nuevas.",
            PlanRefusals.KeyReused => en
                ? "This idempotency key was used for a different call; use a new key for a new call."
                : "Esta clave de idempotencia ya se usó para otra operación; use una clave nueva para cada operación.",
            PlanRefusals.PlanNotFound => en
                ? "There is no plan with this id."
                : "No hay un plan con ese identificador.",
            PlanRefusals.PlanClosed => en
                ? "The plan is closed (completed or ended); it takes no more reports."
                : "El plan está cerrado (cancelado o finalizado); no admite más registros.",
            PlanRefusals.PaymentAlreadyMade => en
                ? $"Payment {detail} was made in full already."
                : $"El pago {detail} ya se realizó por completo.",
            PlanRefusals.NoSuchPayment => en
                ? $"The plan has no payment {detail}."
                : $"El plan no tiene el pago {detail}.",
            _ => en
                ? "The ledger could not record the call; nothing was recorded, retry it with the same idempotency key."
                : "No se pudo registrar la operación; no se guardó nada, reinténtela con la misma clave de idempotencia.",
        };
    }

    /// <summary>"the down payment" or "3".</summary>
    private static string Which(int number, bool en) => number == 0 ? (en ? "the down payment" : "el anticipo") : (en ? $"#{number}" : $"n.º {number}");
}
