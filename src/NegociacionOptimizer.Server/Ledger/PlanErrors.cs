using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Server.Errors;

namespace NegociacionOptimizer.Server.Ledger;

/// <summary>
/// PlanService refusals as statuses: FAILED_PRECONDITION with a google.rpc.PreconditionFailure naming the reason,
/// NOT_FOUND with a google.rpc.ErrorInfo, INVALID_ARGUMENT with a google.rpc.BadRequest; messages in the request's
/// language.
/// </summary>
public static class PlanErrors
{
    private const string ErrorDomain = "negociacion.v1";

    /// <summary>The status of a ledger refusal about <paramref name="subject"/> (an offer or plan id).</summary>
    public static RpcException Of(LedgerRefusal refusal, string subject, Language language, int number = 0) => refusal switch
    {
        LedgerRefusal.OfferNotRecorded => NotFound(PlanRefusals.OfferNotRecorded, PlanTexts.Refusal(PlanRefusals.OfferNotRecorded, language)),
        LedgerRefusal.PlanNotFound => NotFound(PlanRefusals.PlanNotFound, PlanTexts.Refusal(PlanRefusals.PlanNotFound, language)),
        LedgerRefusal.NoSuchInstallment => BadRequestErrors.ToRpcException(
            [new FieldViolation("installment", $"the plan has no payment {number} (0 is the down payment when it has one, 1..n the installments)")]),
        LedgerRefusal.AlreadyAccepted => Precondition(PlanRefusals.OfferAlreadyAccepted, subject, PlanTexts.Refusal(PlanRefusals.OfferAlreadyAccepted, language)),
        LedgerRefusal.Superseded => Precondition(PlanRefusals.OfferSuperseded, subject, PlanTexts.Refusal(PlanRefusals.OfferSuperseded, language)),
        LedgerRefusal.KeyReused => Precondition(PlanRefusals.KeyReused, subject, PlanTexts.Refusal(PlanRefusals.KeyReused, language)),
        LedgerRefusal.PlanClosed => Precondition(PlanRefusals.PlanClosed, subject, PlanTexts.Refusal(PlanRefusals.PlanClosed, language)),
        LedgerRefusal.AlreadyPaid => Precondition(PlanRefusals.PaymentAlreadyMade, subject, PlanTexts.Refusal(PlanRefusals.PaymentAlreadyMade, language, number)),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a refusal."),
    };

    /// <summary>FAILED_PRECONDITION: <paramref name="type"/> about <paramref name="subject"/>.</summary>
    public static RpcException Precondition(string type, string subject, string message)
    {
        var detail = new PreconditionFailure();
        detail.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = message });
        return new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = message, Details = { Any.Pack(detail) } }.ToRpcException();
    }

    /// <summary>UNAVAILABLE: the ledger could not record the call (nothing was).</summary>
    public static RpcException Unavailable(Language language) =>
        new(new Grpc.Core.Status(StatusCode.Unavailable, PlanTexts.Unavailable(language)));

    private static RpcException NotFound(string reason, string message)
    {
        var detail = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        return new Google.Rpc.Status { Code = (int)Code.NotFound, Message = message, Details = { Any.Pack(detail) } }.ToRpcException();
    }
}
