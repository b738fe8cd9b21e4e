using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Errors;

namespace NegociacionOptimizer.Server.Services;

/// <summary>The OfferService RPCs: GenerateOffers, EvaluateProposal and the StreamOffers batch stream.</summary>
/// <param name="pipeline">GenerateOffers for one request.</param>
/// <param name="proposals">EvaluateProposal for one request.</param>
public sealed class OfferGrpcService(OfferPipeline pipeline, ProposalEvaluator proposals) : OfferService.OfferServiceBase
{
    /// <inheritdoc/>
    public override Task<GenerateOffersResponse> GenerateOffers(GenerateOffersRequest request, ServerCallContext context) =>
        Task.FromResult(pipeline.ValidateAndGenerate(request, context));

    /// <inheritdoc/>
    public override Task<EvaluateProposalResponse> EvaluateProposal(EvaluateProposalRequest request, ServerCallContext context)
    {
        var violations = pipeline.Validator.Validate(request);
        if (violations.Count > 0)
        {
            throw BadRequestErrors.ToRpcException(violations);
        }

        return Task.FromResult(proposals.Evaluate(request, context.Deadline, context.CancellationToken));
    }

    /// <inheritdoc/>
    public override async Task StreamOffers(
        IAsyncStreamReader<StreamOffersRequest> requestStream,
        IServerStreamWriter<StreamOffersResponse> responseStream,
        ServerCallContext context)
    {
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(Answer(item, context), context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One item's answer: its response, or an ItemError with every violation; the stream goes on either way.</summary>
    private StreamOffersResponse Answer(StreamOffersRequest item, ServerCallContext context)
    {
        var violations = pipeline.Validator.Validate(item);
        if (violations.Count > 0)
        {
            var error = new ItemError
            {
                Code = "INVALID_ARGUMENT",
                Message = $"{violations.Count} invalid field{(violations.Count == 1 ? string.Empty : "s")}",
            };
            error.Violations.AddRange(violations.Select(v => new FieldProblem { Field = v.Field, Description = v.Description }));
            return new StreamOffersResponse { ItemId = item.ItemId, Error = error };
        }

        try
        {
            return new StreamOffersResponse { ItemId = item.ItemId, Response = pipeline.Generate(item.Request, context.Deadline, context.CancellationToken) };
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            return new StreamOffersResponse
            {
                ItemId = item.ItemId,
                Error = new ItemError { Code = "DEADLINE_EXCEEDED", Message = e.Status.Detail },
            };
        }
    }
}
