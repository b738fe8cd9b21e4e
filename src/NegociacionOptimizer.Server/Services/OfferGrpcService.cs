using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Services;

/// <summary>The OfferService RPCs: GenerateOffers, EvaluateProposal and the StreamOffers batch stream.</summary>
/// <param name="pipeline">GenerateOffers for one request.</param>
/// <param name="proposals">EvaluateProposal for one request.</param>
/// <param name="options">Limits (stream length).</param>
public sealed class OfferGrpcService(OfferPipeline pipeline, ProposalEvaluator proposals, ServerOptions options) : OfferService.OfferServiceBase
{
    /// <inheritdoc/>
    public override Task<GenerateOffersResponse> GenerateOffers(GenerateOffersRequest request, ServerCallContext context) =>
        pipeline.ValidateAndGenerateAsync(request, context);

    /// <inheritdoc/>
    public override async Task<EvaluateProposalResponse> EvaluateProposal(EvaluateProposalRequest request, ServerCallContext context)
    {
        var violations = pipeline.Validator.Validate(request);
        if (violations.Count > 0)
        {
            throw BadRequestErrors.ToRpcException(violations);
        }

        using var slot = await pipeline.Gate.EnterAsync(Negotiation.LatestStart(context.Deadline), pipeline.Time, context.CancellationToken)
            .ConfigureAwait(false);
        return proposals.Evaluate(request);
    }

    /// <inheritdoc/>
    public override async Task StreamOffers(
        IAsyncStreamReader<StreamOffersRequest> requestStream,
        IServerStreamWriter<StreamOffersResponse> responseStream,
        ServerCallContext context)
    {
        var items = 0;
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            if (++items > options.MaxStreamItems)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"A stream carries at most {options.MaxStreamItems} items; open a new stream for the rest."));
            }

            await responseStream.WriteAsync(await AnswerAsync(item, context).ConfigureAwait(false), context.CancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One item's answer: its response, or an ItemError (every violation; RESOURCE_EXHAUSTED when the server is at
    /// capacity; DEADLINE_EXCEEDED); the stream goes on either way.
    /// </summary>
    private async Task<StreamOffersResponse> AnswerAsync(StreamOffersRequest item, ServerCallContext context)
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
            var response = await pipeline.GenerateAsync(item.Request, context.Deadline, context.CancellationToken).ConfigureAwait(false);
            return new StreamOffersResponse { ItemId = item.ItemId, Response = response };
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            return new StreamOffersResponse
            {
                ItemId = item.ItemId,
                Error = new ItemError { Code = e.StatusCode == StatusCode.DeadlineExceeded ? "DEADLINE_EXCEEDED" : "RESOURCE_EXHAUSTED", Message = e.Status.Detail },
            };
        }
    }
}
