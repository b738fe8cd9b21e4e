using System.Diagnostics;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// EvaluateProposal for a validated request. <see cref="ProposalVerdict"/> judges the proposal exactly (a proposal with
/// n names one plan; a partial one becomes the nearest plan that meets every rule within the proposed installment); an
/// acceptable proposal gets its full offer and no counter-offers. Otherwise every reason is listed and the counter-offer
/// search returns the nearest feasible plans (default 3), each with what changed.
/// </summary>
/// <param name="router">Named policies and the champion/challenger split.</param>
/// <param name="search">The counter-offer search.</param>
/// <param name="runner">Runs the solves: admission, time limit, deadline.</param>
/// <param name="calendars">Business calendars with the operator's overrides.</param>
public sealed class ProposalEvaluator(PolicyRouter router, ICounterOfferSearch search, SolveRunner runner, ICalendarSource calendars)
{
    /// <summary>Engine name reported when the proposal is judged without a search (not acceptable, and no counter-offers asked for).</summary>
    public const string EvaluatorName = "plan-evaluator";

    /// <summary>The verdict on the proposal of <paramref name="request"/>.</summary>
    public async Task<EvaluateProposalResponse> EvaluateAsync(EvaluateProposalRequest request, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var negotiation = Negotiation.From(router, calendars, request.Account, request.Inquiry, request.Policy, request.PolicyId, request.Tightening);
        var context = negotiation.Context;
        var language = Language.FromTag(request.Language);
        var response = new EvaluateProposalResponse { RequestId = request.RequestId, Policy = negotiation.PolicyRef };
        var solve = new SolveInfo { OptimalProven = true, Engine = EvaluatorName };
        if (context.Inquiry.Reason.RequiresReview())
        {
            response.Verdict = Verdict.ReviewRequired;
            response.Violations.Add(ToProto.ReviewReason(context.Inquiry.Reason, language));
            response.Summary = Scripts.ReviewSummary(language);
        }
        else
        {
            await JudgeAsync(request, negotiation, language, response, solve, deadlineUtc, cancellationToken).ConfigureAwait(false);
        }

        solve.SolveTimeMs = (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds);
        response.Solve = solve;
        return response;
    }

    private async Task JudgeAsync(
        EvaluateProposalRequest request, Negotiation negotiation, Language language, EvaluateProposalResponse response,
        SolveInfo solve, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var context = negotiation.Context;
        var terms = ToDomainProposal.Terms(request.Proposal, context);
        var judgement = ProposalVerdict.Judge(context, terms);
        var fingerprint = Fingerprints.Of(request, negotiation.PolicyRef.PolicyId, negotiation.PolicyRef.Version);
        response.Violations.AddRange(ProposalToProto.Reasons(judgement, context, language));
        if (judgement.Accepted is { } plan)
        {
            response.Verdict = Verdict.Acceptable;
            var (efficient, stats) = (await runner.RunForCallAsync(
                (limit, stop) => search.CheckEfficiency(context, plan, limit, stop), negotiation.TimeLimit, deadlineUtc, cancellationToken)
                .ConfigureAwait(false)).Value;
            cancellationToken.ThrowIfCancellationRequested();
            solve.OptimalProven = stats.OptimalProven;
            solve.SolverCalls = stats.SolverCalls;
            solve.Engine = ToProto.DefaultEngineName;
            response.AcceptedOffer = ToProto.Offer(plan, OfferIds.Of(fingerprint, plan.Terms), 1, 1, efficient,
                TermClass.Of(plan.Terms.Structure), BindingConstraints.Of(context, plan), context, negotiation.PolicyRef, language);
            response.Summary = ProposalTexts.Summary(true, 0, 0, language);
            return;
        }

        response.Verdict = Verdict.NotAcceptable;
        var count = request.HasMaxCounterOffers ? request.MaxCounterOffers : FieldLimits.MaxCounterOffers.DefaultValue;
        if (count > 0)
        {
            var set = (await runner.RunForCallAsync(
                (limit, stop) => search.Nearest(context, terms, count, limit, stop), negotiation.TimeLimit, deadlineUtc, cancellationToken)
                .ConfigureAwait(false)).Value;
            cancellationToken.ThrowIfCancellationRequested();
            response.CounterOffers.AddRange(set.Offers.Select((c, i) =>
                ProposalToProto.CounterOffer(c, i + 1, fingerprint, context, negotiation.PolicyRef, language)));
            solve.OptimalProven = set.Stats.OptimalProven;
            solve.SolverCalls = set.Stats.SolverCalls;
            solve.Engine = ToProto.DefaultEngineName;
        }

        response.Summary = ProposalTexts.Summary(false, response.Violations.Count, response.CounterOffers.Count, language);
    }
}
