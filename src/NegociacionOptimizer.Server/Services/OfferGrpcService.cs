using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Ledger;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// The OfferService RPCs: GenerateOffers, EvaluateProposal, the StreamOffers batch stream and VerifyOffer. Every caller
/// role may call them (SPEC §7); an inline policy needs the analyst role. Every offer issued is signed.
/// </summary>
/// <param name="pipeline">GenerateOffers for one request.</param>
/// <param name="proposals">EvaluateProposal for one request.</param>
/// <param name="streams">How many stream items run at once.</param>
/// <param name="options">Limits (stream length).</param>
/// <param name="signer">Signs the offers issued and verifies those presented back.</param>
/// <param name="recorder">Records every answer in the ledger before it is sent (UNAVAILABLE when it cannot).</param>
/// <param name="logger">Where unexpected per-item failures are reported.</param>
[Authorize(Policy = Roles.AgentPolicy)]
public sealed partial class OfferGrpcService(
    OfferPipeline pipeline, ProposalEvaluator proposals, StreamOptions streams, ServerOptions options, OfferSigner signer,
    OfferRecorder recorder, ILogger<OfferGrpcService> logger)
    : OfferService.OfferServiceBase
{
    /// <inheritdoc/>
    public override Task<GenerateOffersResponse> GenerateOffers(GenerateOffersRequest request, ServerCallContext context)
    {
        Permissions.Check(request, context);
        var generating = pipeline.ValidateAndGenerateAsync(request, context);
        // A refusal goes back as it came, without a throw (Refused).
        return Refused.Status(generating) is null ? SignAndRecordAsync(generating, request, context) : generating;
    }

    private async Task<GenerateOffersResponse> SignAndRecordAsync(Task<GenerateOffersResponse> generating, GenerateOffersRequest request, ServerCallContext context)
    {
        var response = signer.Sign(await generating.ConfigureAwait(false));
        await recorder.RecordAsync(request, response, "generate", context.GetHttpContext().User, context.CancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc/>
    public override Task<VerifyOfferResponse> VerifyOffer(VerifyOfferRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Offer is null)
        {
            throw BadRequestErrors.ToRpcException([new Api.Validation.FieldViolation("offer", "is required")]);
        }

        var refusal = signer.Verify(request.Offer);
        return Task.FromResult(new VerifyOfferResponse
        {
            Valid = refusal == OfferRefusal.Unspecified,
            Refusal = refusal,
            Message = VerificationTexts.Of(refusal, request.Offer.ExpiresOn, Language.FromTag(request.Language)),
        });
    }

    /// <inheritdoc/>
    public override async Task<EvaluateProposalResponse> EvaluateProposal(EvaluateProposalRequest request, ServerCallContext context)
    {
        Permissions.Check(request, context);
        var violations = pipeline.Validator.Validate(request);
        if (violations.Count > 0)
        {
            throw BadRequestErrors.ToRpcException(violations);
        }

        var response = signer.Sign(await proposals.EvaluateAsync(request, context.Deadline, context.CancellationToken).ConfigureAwait(false));
        await recorder.RecordAsync(request, response, context.GetHttpContext().User, context.CancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// One answer per item, up to <see cref="StreamOptions.Parallelism"/> items at once with back-pressure (see
    /// <see cref="StreamPump{TRequest, TResponse}"/>), at most <see cref="ServerOptions.MaxStreamItems"/> items a stream;
    /// an item's failure is its own ItemError and the stream goes on.
    /// </summary>
    public override Task StreamOffers(
        IAsyncStreamReader<StreamOffersRequest> requestStream,
        IServerStreamWriter<StreamOffersResponse> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stream = new StreamPump<StreamOffersRequest, StreamOffersResponse>(
            item => AnswerAsync(item, context), streams.Parallelism, options.MaxStreamItems, Oversized);
        return stream.RunAsync(requestStream, responseStream, context.CancellationToken);
    }

    /// <summary>
    /// One item's answer: its response, or an ItemError (every violation; RESOURCE_EXHAUSTED when the server is at
    /// capacity; DEADLINE_EXCEEDED; any other failure, logged); never throws, so the stream goes on either way.
    /// </summary>
    private async Task<StreamOffersResponse> AnswerAsync(StreamOffersRequest item, ServerCallContext context)
    {
        if (item.Request is { } request && !Permissions.Allows(context.GetHttpContext().User, request))
        {
            return Failed(item, StatusNames.Of(StatusCode.PermissionDenied), Permissions.InlinePolicyMessage);
        }

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
            var response = signer.Sign(await pipeline.GenerateAsync(item.Request, context.Deadline, context.CancellationToken).ConfigureAwait(false));
            await recorder.RecordAsync(item.Request, response, "stream", context.GetHttpContext().User, context.CancellationToken).ConfigureAwait(false);
            return new StreamOffersResponse { ItemId = item.ItemId, Response = response };
        }
        catch (RpcException e)
        {
            return Failed(item, StatusNames.Of(e.StatusCode), e.Status.Detail);
        }
        catch (OperationCanceledException)
        {
            return Failed(item, StatusNames.Of(StatusCode.Cancelled), "The call was cancelled.");
        }
#pragma warning disable CA1031 // One item's unexpected failure is logged and reported on its own; the stream goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogItemFailed(logger, e, LogText.Escape(item.ItemId, 128));
            return Failed(item, StatusNames.Of(StatusCode.Internal), "An unexpected error occurred; it has been logged.");
        }
    }

    /// <summary>The ItemError of an item larger than the message limit; the stream ends after it.</summary>
    private StreamOffersResponse[] Oversized(RpcException e) => e.StatusCode == StatusCode.ResourceExhausted
        ?
        [
            new StreamOffersResponse
            {
                Error = new ItemError
                {
                    Code = StatusNames.Of(StatusCode.ResourceExhausted),
                    Message = $"An item is larger than the limit of {options.MaxRequestBytes} bytes; the stream ends after the answers to the items before it. Send the rest on a new stream.",
                },
            },
        ]
        : [];

    private static StreamOffersResponse Failed(StreamOffersRequest item, string code, string message) =>
        new() { ItemId = item.ItemId, Error = new ItemError { Code = code, Message = message } };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in StreamOffers item '{ItemId}'")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string itemId);
}
