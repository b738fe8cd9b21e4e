using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Services;

/// <summary>GenerateOffers for one request: validate → map → engine → map. Shared by the unary and the streaming RPC.</summary>
/// <param name="router">Named policies and the champion/challenger split.</param>
/// <param name="engine">The offer engine.</param>
/// <param name="time">Clock for deadlines.</param>
public sealed class OfferPipeline(PolicyRouter router, IOfferEngine engine, TimeProvider time)
{
    private readonly RequestValidator _validator = new(router.Policies);

    /// <summary>Name of the engine, reported in every response.</summary>
    public string EngineName { get; } = ToProto.DefaultEngineName;

    /// <summary>The validator of every request.</summary>
    public RequestValidator Validator => _validator;

    /// <summary>The named policies.</summary>
    public IPolicyStore Policies => router.Policies;

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>
    /// The answer to a request already validated with <see cref="Validator"/>; disputes and fraud claims get the review
    /// outcome without a search.
    /// </summary>
    public GenerateOffersResponse Generate(GenerateOffersRequest request, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var negotiation = Negotiation.From(router, request.Account, request.Inquiry, request.Policy, request.PolicyId);
        var language = Languages.FromTag(request.Language);
        var context = negotiation.Context;
        if (context.Inquiry.Reason.RequiresReview())
        {
            return ToProto.ReviewResponse(context, request.RequestId, negotiation.PolicyRef, language, EngineName);
        }

        var count = request.HasOfferCount ? request.OfferCount : context.Policy.OfferCount;
        var fingerprint = Fingerprints.Of(request, negotiation.PolicyRef.PolicyId, negotiation.PolicyRef.Version);
        var options = new OfferOptions(count, negotiation.TimeLimit(deadlineUtc, time), fingerprint);
        var set = engine.Generate(context, options, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return ToProto.Response(set, context, request.RequestId, negotiation.PolicyRef, language, EngineName);
    }

    /// <summary>Validates, then answers; INVALID_ARGUMENT with every violation for bad input.</summary>
    public GenerateOffersResponse ValidateAndGenerate(GenerateOffersRequest request, ServerCallContext call)
    {
        var violations = _validator.Validate(request);
        if (violations.Count > 0)
        {
            throw Errors.BadRequestErrors.ToRpcException(violations);
        }

        return Generate(request, call.Deadline, call.CancellationToken);
    }
}
