using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// GenerateOffers for one request: validate → map → wait for a solve slot → engine → map. Shared by the unary and the
/// streaming RPC.
/// </summary>
/// <param name="policies">Named policies.</param>
/// <param name="engine">The offer engine.</param>
/// <param name="time">Clock for deadlines.</param>
/// <param name="gate">Bounds the solves running and waiting.</param>
public sealed class OfferPipeline(IPolicyStore policies, IOfferEngine engine, TimeProvider time, SolveGate gate)
{
    private readonly RequestValidator _validator = new(policies);

    /// <summary>Name of the engine, reported in every response.</summary>
    public string EngineName { get; } = ToProto.DefaultEngineName;

    /// <summary>The validator of every request.</summary>
    public RequestValidator Validator => _validator;

    /// <summary>The named policies.</summary>
    public IPolicyStore Policies => policies;

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>The solve gate.</summary>
    public SolveGate Gate => gate;

    /// <summary>
    /// The answer to a request already validated with <see cref="Validator"/>; disputes and fraud claims get the review
    /// outcome without a search. A search cut by the deadline keeps the best offers found (not proven optimal); one cut
    /// before it found any is DEADLINE_EXCEEDED rather than a false "no feasible plan".
    /// </summary>
    public async Task<GenerateOffersResponse> GenerateAsync(GenerateOffersRequest request, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var negotiation = Negotiation.From(policies, request.Account, request.Inquiry, request.Policy, request.PolicyId);
        var language = Languages.FromTag(request.Language);
        var context = negotiation.Context;
        if (context.Inquiry.Reason.RequiresReview())
        {
            return ToProto.ReviewResponse(context, request.RequestId, negotiation.PolicyRef, language, EngineName);
        }

        using var slot = await gate.EnterAsync(Negotiation.LatestStart(deadlineUtc), time, cancellationToken).ConfigureAwait(false);
        var count = request.HasOfferCount ? request.OfferCount : context.Policy.OfferCount;
        var fingerprint = Fingerprints.Of(request, negotiation.PolicyRef.PolicyId, negotiation.PolicyRef.Version);
        var (limit, byDeadline) = negotiation.TimeLimit(deadlineUtc, time);
        var set = engine.Generate(context, new OfferOptions(count, limit, fingerprint), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (byDeadline && set.Outcome == OfferOutcome.NoFeasiblePlan && !set.Stats.OptimalProven)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                $"The call's deadline ended the search after {limit.TotalMilliseconds:0} ms, before any offer was found."));
        }

        return ToProto.Response(set, context, request.RequestId, negotiation.PolicyRef, language, EngineName);
    }

    /// <summary>Validates, then answers; INVALID_ARGUMENT with every violation for bad input.</summary>
    public Task<GenerateOffersResponse> ValidateAndGenerateAsync(GenerateOffersRequest request, ServerCallContext call)
    {
        var violations = _validator.Validate(request);
        if (violations.Count > 0)
        {
            throw Errors.BadRequestErrors.ToRpcException(violations);
        }

        return GenerateAsync(request, call.Deadline, call.CancellationToken);
    }
}
