using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>EvaluateProposal answers → proto: reasons with their figures and counter-offers with what changed.</summary>
public static class ProposalToProto
{
    /// <summary>Every reason of a judgement: rules broken (about the nearest plan for a partial proposal) and the installment shortfall.</summary>
    public static IEnumerable<V1.Explanation> Reasons(ProposalJudgement judgement, NegotiationContext context, Language language)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(context);
        var currency = context.Account.Currency;
        string About(string text) => judgement.CompletedInstallments is { } n ? ProposalTexts.WithInstallments(n, text, language) : text;
        foreach (var violation in judgement.Violations)
        {
            yield return ToProto.Explanation(violation, About(RuleTexts.Broken(violation, currency, language)));
        }

        if (judgement.Shortfall is { } shortfall)
        {
            yield return new V1.Explanation
            {
                Code = "INSTALLMENT_AMOUNT",
                Text = About(RuleTexts.InstallmentShort(shortfall.ProposedMinor, shortfall.NeededMinor, currency, language)),
                Value = shortfall.ProposedMinor,
                Limit = shortfall.NeededMinor,
                Unit = "minor",
                Field = "proposal.installment_minor",
            };
        }
    }

    /// <summary>A counter-offer: the full offer (rank = nearness), what changed, and its distance.</summary>
    public static V1.CounterOffer CounterOffer(
        CounterOffer counter, int rank, string fingerprint, NegotiationContext context, V1.PolicyRef policy, Language language)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(context);
        var plan = counter.Plan;
        return new V1.CounterOffer
        {
            Offer = ToProto.Offer(plan, OfferIds.Of(fingerprint, plan.Terms), rank, rank, counter.ParetoEfficient,
                TermClass.Of(plan.Terms.Structure), counter.BindingConstraints, context, policy, language),
            Changes = ProposalTexts.Changes(counter.Changes, plan, context.Account.Currency, language),
            Distance = counter.Distance,
        };
    }
}
