using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Limits;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>Every field problem of a PlanService request (plan_service.proto), listed at once.</summary>
public static class PlanRequestValidator
{
    /// <summary>Longest idempotency key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Longest plan id accepted (the server's are 25 characters).</summary>
    public const int MaxPlanIdLength = 64;

    /// <summary>Problems of an AcceptOffer request (the offer's own terms are checked by its signature).</summary>
    public static IReadOnlyList<FieldViolation> Validate(AcceptOfferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Problems();
        Key(problems, request.IdempotencyKey);
        if (request.Offer is null)
        {
            problems.Add("offer", "is required: the offer exactly as it was issued");
        }
        else if (request.Offer.OfferId.Length == 0)
        {
            problems.Add("offer.offer_id", "is required");
        }

        return problems.Items;
    }

    /// <summary>Problems of a RecordPayment request.</summary>
    public static IReadOnlyList<FieldViolation> Validate(RecordPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Problems();
        Key(problems, request.IdempotencyKey);
        PlanId(problems, request.PlanId);
        problems.Range("installment", request.Installment, FieldLimits.PaymentNumber);
        IsoDates.Check(problems, "on_date", request.OnDate, out _);
        switch (request.Outcome)
        {
            case PaymentOutcome.Paid when request.AmountMinor == 0:
                problems.Add("amount_minor", "must be at least 1 when the payment was made");
                break;
            case PaymentOutcome.Paid:
                problems.Range("amount_minor", request.AmountMinor, FieldLimits.PaymentAmountMinor);
                break;
            case PaymentOutcome.Missed when request.AmountMinor != 0:
                problems.Add("amount_minor", $"must be 0 (unset) when the payment was missed; got {request.AmountMinor}");
                break;
            case PaymentOutcome.Missed:
                break;
            default:
                problems.Add("outcome", "must be PAYMENT_OUTCOME_PAID or PAYMENT_OUTCOME_MISSED");
                break;
        }

        return problems.Items;
    }

    /// <summary>Problems of a ReportBreak request.</summary>
    public static IReadOnlyList<FieldViolation> Validate(ReportBreakRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Problems();
        Key(problems, request.IdempotencyKey);
        PlanId(problems, request.PlanId);
        IsoDates.Check(problems, "broke_on", request.BrokeOn, out _);
        return problems.Items;
    }

    /// <summary>Problems of a GetPlan request.</summary>
    public static IReadOnlyList<FieldViolation> Validate(GetPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Problems();
        PlanId(problems, request.PlanId);
        return problems.Items;
    }

    /// <summary>Problems of a ListPlans request.</summary>
    public static IReadOnlyList<FieldViolation> Validate(ListPlansRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Problems();
        if (request.AccountId.Length is 0 or > 128 || request.AccountId.Any(char.IsControl))
        {
            problems.Add("account_id", $"must be 1..128 printable characters; got {request.AccountId.Length} characters");
        }

        return problems.Items;
    }

    private static void Key(Problems problems, string key)
    {
        if (key.Length is 0 or > MaxKeyLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            problems.Add("idempotency_key", $"must be 1..{MaxKeyLength} characters of A-Z, a-z, 0-9, '.', '_', ':', '-'; got {key.Length} characters");
        }
    }

    private static void PlanId(Problems problems, string planId)
    {
        if (planId.Length is 0 or > MaxPlanIdLength || !planId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            problems.Add("plan_id", $"must be a plan id as AcceptOffer returned it (1..{MaxPlanIdLength} letters, digits, '-'); got {planId.Length} characters");
        }
    }
}
