using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Server.Errors;
using NegociacionOptimizer.Server.Ledger;
using NegociacionOptimizer.Server.Security;
using LedgerOutcome = NegociacionOptimizer.Ledger.Records.PaymentOutcome;
using ProtoOutcome = NegociacionOptimizer.Api.V1.PaymentOutcome;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// The PlanService RPCs (plan_service.proto): accept a signed offer, report payments and breaks, read plans. Every
/// role may call them (docs/SECURITY.md); each call is validated, the offer's signature checked, then the ledger records
/// it (idempotent by the caller's key) before the answer is sent.
/// </summary>
/// <param name="ledger">The ledger.</param>
/// <param name="signer">Verifies the offer presented.</param>
/// <param name="accountRefs">Keys the account id of ListPlans.</param>
[Authorize(Policy = Roles.AgentPolicy)]
public sealed class PlanGrpcService(SqlLedger ledger, OfferSigner signer, AccountRefs accountRefs) : PlanService.PlanServiceBase
{
    /// <inheritdoc/>
    public override async Task<PlanResponse> AcceptOffer(AcceptOfferRequest request, ServerCallContext context)
    {
        Validated(PlanRequestValidator.Validate(request));
        var language = Language.FromTag(request.Language);
        var refusal = signer.Verify(request.Offer);
        if (refusal != OfferRefusal.Unspecified)
        {
            var type = "OFFER_" + ProtoEnums.NameOf(ProtoEnums.OfferRefusal, (int)refusal)["OFFER_REFUSAL_".Length..];
            throw PlanErrors.Precondition(type, request.Offer.OfferId, VerificationTexts.Of(refusal, request.Offer.ExpiresOn, language));
        }

        var acceptance = new Acceptance(request.Offer.OfferId, request.Offer.Signature, request.IdempotencyKey, CallerName(context));
        return await RecordAsync(() => ledger.AcceptAsync(acceptance, context.CancellationToken), request.Offer.OfferId, language, 0)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<PlanResponse> RecordPayment(RecordPaymentRequest request, ServerCallContext context)
    {
        Validated(PlanRequestValidator.Validate(request));
        var language = Language.FromTag(request.Language);
        var on = DateOnly.ParseExact(request.OnDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = new PaymentReport(request.PlanId, request.Installment,
            request.Outcome == ProtoOutcome.Paid ? LedgerOutcome.Paid : LedgerOutcome.Missed, on, request.AmountMinor, request.IdempotencyKey,
            CallerName(context));
        return await RecordAsync(() => ledger.RecordPaymentAsync(report, context.CancellationToken), request.PlanId, language, request.Installment)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<PlanResponse> ReportBreak(ReportBreakRequest request, ServerCallContext context)
    {
        Validated(PlanRequestValidator.Validate(request));
        var language = Language.FromTag(request.Language);
        var on = DateOnly.ParseExact(request.BrokeOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = new BreakReport(request.PlanId, on, request.IdempotencyKey, CallerName(context));
        return await RecordAsync(() => ledger.RecordBreakAsync(report, context.CancellationToken), request.PlanId, language, 0).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override Task<PlanResponse> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        Validated(PlanRequestValidator.Validate(request));
        var language = Language.FromTag(request.Language);
        var plan = Read(() => ledger.GetPlan(request.PlanId), language)
            ?? throw PlanErrors.Of(LedgerRefusal.PlanNotFound, request.PlanId, language);
        return Task.FromResult(new PlanResponse { Plan = PlanToProto.Map(plan, language) });
    }

    /// <inheritdoc/>
    public override Task<ListPlansResponse> ListPlans(ListPlansRequest request, ServerCallContext context)
    {
        Validated(PlanRequestValidator.Validate(request));
        var language = Language.FromTag(request.Language);
        var reference = accountRefs.Of(request.AccountId);
        var response = new ListPlansResponse { AccountRef = reference };
        response.Plans.AddRange(Read(() => ledger.ListPlans(reference), language).Select(p => PlanToProto.Map(p, language)));
        return Task.FromResult(response);
    }

    private static void Validated(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw BadRequestErrors.ToRpcException(violations);
        }
    }

    private static async Task<PlanResponse> RecordAsync(Func<Task<LedgerAnswer>> record, string subject, Language language, int number)
    {
        LedgerAnswer answer;
        try
        {
            answer = await record().ConfigureAwait(false);
        }
        catch (LedgerUnavailableException)
        {
            throw PlanErrors.Unavailable(language);
        }

        if (answer.Refusal != LedgerRefusal.None)
        {
            throw PlanErrors.Of(answer.Refusal, subject, language, number);
        }

        return new PlanResponse { Plan = PlanToProto.Map(answer.Plan!, language), Replayed = answer.Replayed };
    }

    private static T Read<T>(Func<T> read, Language language)
    {
        try
        {
            return read();
        }
        catch (LedgerUnavailableException)
        {
            throw PlanErrors.Unavailable(language);
        }
    }

    private static string CallerName(ServerCallContext context) => context.GetHttpContext().User.Identity?.Name ?? string.Empty;
}
