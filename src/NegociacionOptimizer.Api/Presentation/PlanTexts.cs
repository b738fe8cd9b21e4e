using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>The sentences of PlanService answers and refusals: the language table's <c>Plan.*</c> texts.</summary>
public static class PlanTexts
{
    /// <summary>Where a plan stands, e.g. "Plan vigente: $10.000,00 pagados de $160.000,00; próximo pago n.º 2, …".</summary>
    public static string Summary(Plan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(language);
        var currency = Currency.FromCode(plan.Currency);
        var paid = Formats.Money(new(plan.PaidMinor, currency), language);
        var total = Formats.Money(new(plan.TotalToPayMinor, currency), language);
        return plan.Status switch
        {
            PlanStatus.Completed => language.Text("Plan.Summary.Completed", ("closedOn", plan.ClosedOn), ("paid", paid)),
            PlanStatus.Broken => language.Text("Plan.Summary.Broken", ("closedOn", plan.ClosedOn), ("paid", paid), ("total", total)),
            _ when plan.NextDue is { } next => language.Text("Plan.Summary.Active", ("paid", paid), ("total", total),
                ("which", next.Number == 0 ? language.Text("Plan.Payment.Down") : language.Text("Plan.Payment.Number", ("number", next.Number))),
                ("due", Formats.Money(new(next.AmountMinor - next.PaidMinor, currency), language)), ("dueDate", next.DueDate)),
            _ => language.Text("Plan.Summary.ActiveNothingDue", ("paid", paid), ("total", total)),
        };
    }

    /// <summary>Why a call was refused: the text of its violation <paramref name="type"/> (<see cref="PlanRefusals"/>).</summary>
    public static string Refusal(string type, Language language, int number = 0)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Text("Plan.Refusal." + type, ("number", number));
    }

    /// <summary>The message of a call the ledger could not record.</summary>
    public static string Unavailable(Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Text("Plan.Refusal.Unavailable");
    }
}
