using System.Diagnostics;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Server.Policies;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// EvaluateProposal for a validated request: the plan the proposal fixes is evaluated with <see cref="PlanEvaluator"/>.
/// Missing terms take: down payment 0 (B − Q for a settlement), discount 0, frequency the person's income frequency,
/// grace from the first due date asked for (none when not asked). Counter-offers are not computed yet.
/// </summary>
/// <param name="router">Named policies and the champion/challenger split.</param>
public sealed class ProposalEvaluator(PolicyRouter router)
{
    /// <summary>Engine name reported in the solve info: a direct evaluation, no search.</summary>
    public const string EngineName = "plan-evaluator";

    /// <summary>The verdict on the proposal of <paramref name="request"/>.</summary>
    public EvaluateProposalResponse Evaluate(EvaluateProposalRequest request)
    {
        var clock = Stopwatch.StartNew();
        var negotiation = Negotiation.From(router, request.Account, request.Inquiry, request.Policy, request.PolicyId);
        var context = negotiation.Context;
        var language = Languages.FromTag(request.Language);
        var response = new EvaluateProposalResponse { RequestId = request.RequestId, Policy = negotiation.PolicyRef };
        if (context.Inquiry.Reason.RequiresReview())
        {
            response.Verdict = Verdict.ReviewRequired;
            response.Violations.Add(ToProto.ReviewReason(context.Inquiry.Reason, language));
            response.Summary = Scripts.ReviewSummary(language);
        }
        else if (!request.Proposal.HasInstallments)
        {
            response.Verdict = Verdict.NotAcceptable;
            response.Violations.Add(new Explanation
            {
                Code = "MISSING_TERMS",
                Text = RuleTexts.MissingTerms(language),
                Unit = "installments",
                Field = "proposal.installments",
            });
            response.Summary = Scripts.ProposalSummary(false, 1, language);
        }
        else
        {
            Judge(request, negotiation, language, response);
        }

        response.Solve = new SolveInfo
        {
            OptimalProven = true,
            SolveTimeMs = (int)clock.ElapsedMilliseconds,
            SolverCalls = 0,
            Engine = EngineName,
        };
        return response;
    }

    /// <summary>The plan terms a proposal with a number of installments fixes.</summary>
    public static PlanTerms Terms(Proposal proposal, NegotiationContext context)
    {
        var b = context.BalanceMinor;
        var n = proposal.Installments;
        var q = proposal.HasDiscountMinor ? proposal.DiscountMinor
            : proposal.HasDiscountBp ? MinorUnits.ShareFloor(b, proposal.DiscountBp) : 0;
        if (n == 0)
        {
            return new PlanTerms(proposal.HasDownPaymentMinor ? proposal.DownPaymentMinor : b - q, q, D.Accounts.Frequency.Monthly, 0, 0);
        }

        var f = ToDomain.Frequency(proposal.Frequency) ?? context.Inquiry.IncomeFrequency;
        var d = proposal.HasDownPaymentMinor ? proposal.DownPaymentMinor : 0;
        return new PlanTerms(d, q, f, n, GracePeriods(proposal.FirstDueDate, f, context));
    }

    /// <summary>g: the periods before the first due date on or after the date asked for (0 when none is asked for).</summary>
    private static int GracePeriods(string firstDueDate, D.Accounts.Frequency frequency, NegotiationContext context)
    {
        if (!Api.Validation.IsoDates.TryParse(firstDueDate, out var first))
        {
            return 0;
        }

        const int Horizon = 60;
        var dates = context.DueDatesFor(frequency, Horizon);
        for (var period = 1; period <= dates.Count; period++)
        {
            if (dates.Date(period) >= first)
            {
                return period - 1;
            }
        }

        return dates.Count;
    }

    private static void Judge(EvaluateProposalRequest request, Negotiation negotiation, Language language, EvaluateProposalResponse response)
    {
        var context = negotiation.Context;
        var currency = negotiation.Currency;
        var terms = Terms(request.Proposal, context);
        var plan = PlanEvaluator.Evaluate(context, terms, detail: true);
        response.Violations.AddRange(plan.Violations.Select(v => ToProto.Explanation(v, RuleTexts.Broken(v, currency, language))));
        var proposal = request.Proposal;
        if (proposal.HasInstallmentMinor && !terms.IsSettlement && plan.InstallmentMinor > proposal.InstallmentMinor)
        {
            response.Violations.Add(new Explanation
            {
                Code = "INSTALLMENT_AMOUNT",
                Text = RuleTexts.InstallmentShort(proposal.InstallmentMinor, plan.InstallmentMinor, currency, language),
                Value = proposal.InstallmentMinor,
                Limit = plan.InstallmentMinor,
                Unit = "minor",
                Field = "proposal.installment_minor",
            });
        }

        var acceptable = response.Violations.Count == 0;
        response.Verdict = acceptable ? Verdict.Acceptable : Verdict.NotAcceptable;
        if (acceptable)
        {
            var fingerprint = Fingerprints.Of(request, negotiation.PolicyRef.PolicyId, negotiation.PolicyRef.Version);
            response.AcceptedOffer = ToProto.Offer(plan, OfferIds.Of(fingerprint, terms), 1, 1, false,
                TermClass.Of(terms.Structure), [], context, negotiation.PolicyRef, language);
        }

        response.Summary = Scripts.ProposalSummary(acceptable, response.Violations.Count, language);
    }
}
