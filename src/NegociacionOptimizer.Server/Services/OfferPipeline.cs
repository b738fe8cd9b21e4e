using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Policies;


namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// GenerateOffers for one request: validate → map → the engine through the <see cref="SolveRunner"/> → map. Shared by the unary and the
/// streaming RPC.
/// </summary>
/// <param name="router">Named policies and the champion/challenger split.</param>
/// <param name="engine">The offer engine.</param>
/// <param name="runner">Runs the solves: admission, time limit, deadline.</param>
/// <param name="calendars">Business calendars with the operator's overrides.</param>
/// <param name="metrics">Records each search's time and whether it was proven optimal (none outside a server).</param>
public sealed class OfferPipeline(
    PolicyRouter router, IOfferEngine engine, SolveRunner runner, ICalendarSource calendars, ServerMetrics? metrics = null)
{
    private readonly RequestValidator _validator = new(router.Policies);

    /// <summary>Name of the engine, reported in every response.</summary>
    public string EngineName { get; } = ToProto.DefaultEngineName;

    /// <summary>The validator of every request.</summary>
    public RequestValidator Validator => _validator;

    /// <summary>The named policies.</summary>
    public IPolicyStore Policies => router.Policies;

    /// <summary>
    /// The answer to a request already validated with <see cref="Validator"/>; disputes and fraud claims get the review
    /// outcome without a search. A search cut by the deadline keeps the best offers found (not proven optimal); one cut
    /// before it found any is DEADLINE_EXCEEDED rather than a false "no feasible plan".
    /// </summary>
    public Task<GenerateOffersResponse> GenerateAsync(GenerateOffersRequest request, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var negotiation = Negotiation.From(router, calendars, request.Account, request.Inquiry, request.Policy, request.PolicyId, request.Tightening);
        var language = Language.FromTag(request.Language);
        var context = negotiation.Context;
        if (context.Inquiry.Reason.RequiresReview())
        {
            return Task.FromResult(ToProto.ReviewResponse(context, request.RequestId, negotiation.PolicyRef, language, EngineName));
        }

        var count = request.HasOfferCount ? request.OfferCount : context.Policy.OfferCount;
        var fingerprint = Fingerprints.Of(request, negotiation.PolicyRef.PolicyId, negotiation.PolicyRef.Version);
        var run = runner.RunForCallAsync(
            (limit, stop) => engine.Generate(context, new OfferOptions(count, limit, fingerprint), stop),
            negotiation.TimeLimit, deadlineUtc, cancellationToken);
        // A refusal goes back as it came, without a throw (Refused).
        return Refused.Status(run) is { } refusal
            ? Task.FromException<GenerateOffersResponse>(refusal)
            : AnswerAsync(run, request, negotiation, language);
    }

    private async Task<GenerateOffersResponse> AnswerAsync(
        Task<SolveRun<OfferSet>> solving, GenerateOffersRequest request, Negotiation negotiation, Language language)
    {
        var run = await solving.ConfigureAwait(false);
        var set = run.Value;
        metrics?.Solve(set.Stats.Elapsed, set.Stats.OptimalProven);
        if (run.ByDeadline && set.Outcome == OfferOutcome.NoFeasiblePlan && !set.Stats.OptimalProven)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                $"The call's deadline ended the search after {run.Limit.TotalMilliseconds:0} ms, before any offer was found."));
        }

        return ToProto.Response(set, negotiation.Context, request.RequestId, negotiation.PolicyRef, language, EngineName);
    }

    /// <summary>Validates, then answers; INVALID_ARGUMENT with every violation for bad input.</summary>
    public Task<GenerateOffersResponse> ValidateAndGenerateAsync(GenerateOffersRequest request, ServerCallContext call)
    {
        var violations = _validator.Validate(request);
        if (violations.Count > 0)
        {
            throw BadRequestErrors.ToRpcException(violations);
        }

        return GenerateAsync(request, call.Deadline, call.CancellationToken);
    }
}
