using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>
/// Sentences of an EvaluateProposal answer: what a counter-offer changed ("misma cuota de $ 20.000, 4 cuotas más"),
/// the verdict, and reasons about the nearest plan a partial proposal describes. Neutral, es-AR by default, en on request.
/// </summary>
public static class ProposalTexts
{
    /// <summary>
    /// What a counter-offer keeps and changes of the terms the person fixed, most important first:
    /// "same installment of $20,000, 4 more installments" / "misma cuota de $ 20.000, 4 cuotas más".
    /// </summary>
    public static string Changes(IReadOnlyList<TermChange> changes, PlanEvaluation plan, Currency currency, Language language)
    {
        var en = language == Language.English;
        var parts = changes.Select(c => Change(c, plan, currency, language)).ToList();
        if (parts.Count == 0)
        {
            return en ? "a plan that meets every condition" : "un plan que cumple todas las condiciones";
        }

        if (changes.All(c => c.IsKept))
        {
            parts.Add(en ? "every proposed term kept" : "se mantienen todas las condiciones propuestas");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The verdict, with the number of unmet conditions and of counter-offers.</summary>
    public static string Summary(bool acceptable, int violations, int counterOffers, Language language)
    {
        var verdict = Scripts.ProposalSummary(acceptable, violations, language);
        if (acceptable || counterOffers == 0)
        {
            return verdict;
        }

        return language == Language.English
            ? $"{verdict} {(counterOffers == 1 ? "A nearby alternative is offered." : $"{counterOffers} nearby alternatives are offered.")}"
            : $"{verdict} {(counterOffers == 1 ? "Se ofrece una alternativa cercana." : $"Se ofrecen {counterOffers} alternativas cercanas.")}";
    }

    /// <summary>A reason about the nearest plan with the proposed terms: "con 14 cuotas: …" / "with 14 installments: …".</summary>
    public static string WithInstallments(int installments, string reason, Language language) => (installments, language) switch
    {
        (0, Language.English) => $"paying everything today: {reason}",
        (1, Language.English) => $"with 1 installment: {reason}",
        (_, Language.English) => $"with {installments} installments: {reason}",
        (0, _) => $"con un pago único hoy: {reason}",
        (1, _) => $"con 1 cuota: {reason}",
        _ => $"con {installments} cuotas: {reason}",
    };

    private static string Change(TermChange change, PlanEvaluation plan, Currency currency, Language language)
    {
        string M(long minor) => Formats.Money(minor, currency, language);
        var en = language == Language.English;
        var (proposed, offered) = (change.Proposed, change.Offered);
        switch (change.Term)
        {
            case ProposalTerm.InstallmentAmount when plan.Terms.IsSettlement:
                return en ? $"a single payment today instead of installments of {M(proposed)}" : $"un pago único hoy en lugar de cuotas de {M(proposed)}";
            case ProposalTerm.InstallmentAmount:
                var per = Formats.FrequencyAdjective(plan.Frequency, language, plural: false);
                return change.IsKept
                    ? en ? $"same {per} installment of {M(offered)}" : $"misma cuota {per} de {M(offered)}"
                    : en ? $"{per} installment of {M(offered)} instead of {M(proposed)}" : $"cuota {per} de {M(offered)} en lugar de {M(proposed)}";
            case ProposalTerm.Installments:
                return Count(proposed, offered, language);
            case ProposalTerm.DownPayment:
                return change.IsKept
                    ? en ? $"same down payment of {M(offered)}" : $"mismo pago inicial de {M(offered)}"
                    : en ? $"down payment of {M(offered)} instead of {M(proposed)}" : $"pago inicial de {M(offered)} en lugar de {M(proposed)}";
            case ProposalTerm.Discount:
                return change.IsKept
                    ? en ? $"same discount of {M(offered)}" : $"misma quita de {M(offered)}"
                    : en ? $"discount of {M(offered)} instead of {M(proposed)}" : $"quita de {M(offered)} en lugar de {M(proposed)}";
            case ProposalTerm.Frequency:
                var now = Formats.FrequencyAdjective((Frequency)(int)offered, language, plural: true);
                var asked = Formats.FrequencyAdjective((Frequency)(int)proposed, language, plural: true);
                return change.IsKept
                    ? en ? $"same {now} installments" : $"mismas cuotas {now}"
                    : en ? $"{now} installments instead of {asked}" : $"cuotas {now} en lugar de {asked}";
            default:
                return Grace(proposed, offered, language);
        }
    }

    private static string Count(long proposed, long offered, Language language)
    {
        var en = language == Language.English;
        var more = offered - proposed;
        var size = Math.Abs(more);
        if (more == 0)
        {
            return (offered == 1, en) switch
            {
                (true, true) => "same single installment",
                (false, true) => $"same {offered} installments",
                (true, false) => "misma cuota única",
                _ => $"mismas {offered} cuotas",
            };
        }

        if (offered == 0)
        {
            return en ? "a single payment today" : "un pago único hoy";
        }

        return (more > 0, en) switch
        {
            (true, true) => $"{size} more installment{(size == 1 ? string.Empty : "s")} ({offered})",
            (false, true) => $"{size} fewer installment{(size == 1 ? string.Empty : "s")} ({offered})",
            (true, false) => $"{size} {(size == 1 ? "cuota más" : "cuotas más")} ({offered})",
            _ => $"{size} {(size == 1 ? "cuota menos" : "cuotas menos")} ({offered})",
        };
    }

    private static string Grace(long proposed, long offered, Language language)
    {
        var en = language == Language.English;
        if (proposed == offered)
        {
            return en ? "same start date" : "misma fecha de inicio";
        }

        var size = Math.Abs(offered - proposed);
        var periods = en ? $"{size} period{(size == 1 ? string.Empty : "s")}" : $"{size} {(size == 1 ? "período" : "períodos")}";
        return (offered > proposed, en) switch
        {
            (true, true) => $"first installment {periods} later",
            (false, true) => $"first installment {periods} earlier",
            (true, false) => $"primera cuota {periods} más tarde",
            _ => $"primera cuota {periods} antes",
        };
    }
}
