using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>
/// Sentences of an EvaluateProposal answer: what a counter-offer changed ("misma cuota de $ 20.000, 4 cuotas más"),
/// the verdict, and reasons about the nearest plan a partial proposal describes; the language table's
/// <c>Change.*</c> and <c>Proposal.*</c> texts.
/// </summary>
public static class ProposalTexts
{
    /// <summary>
    /// What a counter-offer keeps and changes of the terms the person fixed, most important first:
    /// "same installment of $20,000, 4 more installments" / "misma cuota de $ 20.000, 4 cuotas más".
    /// </summary>
    public static string Changes(IReadOnlyList<TermChange> changes, PlanEvaluation plan, Currency currency, Language language)
    {
        var parts = changes.Select(c => Change(c, plan, currency, language)).ToList();
        if (parts.Count == 0)
        {
            return language.Text("Change.None");
        }

        if (changes.All(c => c.IsKept))
        {
            parts.Add(language.Text("Change.AllKept"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>The verdict, with the number of unmet conditions and of counter-offers.</summary>
    public static string Summary(bool acceptable, int violations, int counterOffers, Language language)
    {
        var verdict = Scripts.ProposalSummary(acceptable, violations, language);
        return acceptable || counterOffers == 0
            ? verdict
            : language.Plural("Proposal.Alternatives", counterOffers, ("verdict", verdict), ("count", counterOffers));
    }

    /// <summary>A reason about the nearest plan with the proposed terms: "con 14 cuotas: …" / "with 14 installments: …".</summary>
    public static string WithInstallments(int installments, string reason, Language language) => installments == 0
        ? language.Text("Proposal.About.Settlement", ("reason", reason))
        : language.Plural("Proposal.About", installments, ("n", installments), ("reason", reason));

    private static string Change(TermChange change, PlanEvaluation plan, Currency currency, Language language)
    {
        string M(long minor) => Formats.Money(new(minor, currency), language);
        string Kept(string term, params ReadOnlySpan<(string Name, object Value)> figures) =>
            language.Text(change.IsKept ? $"Change.{term}.Same" : $"Change.{term}.Changed", figures);

        var (proposed, offered) = (change.Proposed, change.Offered);
        switch (change.Term)
        {
            case ProposalTerm.InstallmentAmount when plan.Terms.IsSettlement:
                return language.Text("Change.InstallmentAmount.Settlement", ("proposed", M(proposed)));
            case ProposalTerm.InstallmentAmount:
                return Kept("InstallmentAmount",
                    ("per", Formats.FrequencyAdjective(plan.Frequency, language, plural: false)), ("offered", M(offered)), ("proposed", M(proposed)));
            case ProposalTerm.Installments:
                return Count(proposed, offered, language);
            case ProposalTerm.DownPayment:
                return Kept("DownPayment", ("offered", M(offered)), ("proposed", M(proposed)));
            case ProposalTerm.Discount:
                return Kept("Discount", ("offered", M(offered)), ("proposed", M(proposed)));
            case ProposalTerm.Frequency:
                return Kept("Frequency",
                    ("offered", Formats.FrequencyAdjective((Frequency)(int)offered, language, plural: true)),
                    ("proposed", Formats.FrequencyAdjective((Frequency)(int)proposed, language, plural: true)));
            default:
                return Grace(proposed, offered, language);
        }
    }

    private static string Count(long proposed, long offered, Language language)
    {
        var more = offered - proposed;
        var size = Math.Abs(more);
        if (more == 0)
        {
            return language.Plural("Change.Installments.Same", offered, ("n", offered));
        }

        if (offered == 0)
        {
            return language.Text("Change.Installments.Settlement");
        }

        return language.Plural(more > 0 ? "Change.Installments.More" : "Change.Installments.Fewer", size, ("size", size), ("offered", offered));
    }

    private static string Grace(long proposed, long offered, Language language)
    {
        if (proposed == offered)
        {
            return language.Text("Change.Grace.Same");
        }

        var size = Math.Abs(offered - proposed);
        var periods = language.Plural("Figure.Periods", size, ("n", size));
        return language.Text(offered > proposed ? "Change.Grace.Later" : "Change.Grace.Earlier", ("periods", periods));
    }
}
