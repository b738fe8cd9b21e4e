using System.Globalization;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Records;
using Records = NegociacionOptimizer.Ledger.Records;
using V1PlanStatus = NegociacionOptimizer.Api.V1.PlanStatus;

namespace NegociacionOptimizer.Server.Ledger;

/// <summary>A plan from the ledger as PlanService returns it (plan_service.proto), with its summary sentence.</summary>
public static class PlanToProto
{
    /// <summary>The proto plan of <paramref name="record"/>, its summary in <paramref name="language"/>.</summary>
    public static Plan Map(PlanRecord record, Language language)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plan = new Plan
        {
            PlanId = record.PlanId,
            OfferId = record.OfferId,
            AccountRef = record.AccountRef,
            AcceptedAt = record.AcceptedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Status = record.Status switch
            {
                Records.PlanStatus.Completed => V1PlanStatus.Completed,
                Records.PlanStatus.Broken => V1PlanStatus.Broken,
                _ => V1PlanStatus.Active,
            },
            ClosedOn = record.ClosedOn is { } closed ? IsoDates.Format(closed) : string.Empty,
            Currency = record.Currency,
            Kind = (OfferKind)(ProtoEnums.OfferKind.FindValueByName(record.Kind)?.Number ?? 0),
            Frequency = (Frequency)(ProtoEnums.Frequency.FindValueByName(record.Frequency)?.Number ?? 0),
            Installments = record.Installments,
            GracePeriods = record.GracePeriods,
            Policy = new PolicyRef { PolicyId = record.PolicyId, Version = record.PolicyVersion },
            TotalToPayMinor = record.TotalToPayMinor,
            PaidMinor = record.PaidMinor,
        };
        plan.Schedule.AddRange(record.Schedule.Select(Payment));
        if (record.NextDue is { } next)
        {
            plan.NextDue = Payment(next);
        }

        plan.Summary = PlanTexts.Summary(plan, language);
        return plan;
    }

    private static PlanPayment Payment(PlanInstallment installment) => new()
    {
        Number = installment.Number,
        DueDate = IsoDates.Format(installment.DueDate),
        AmountMinor = installment.AmountMinor,
        PaidMinor = installment.PaidMinor,
        LastPaidOn = installment.LastPaidOn is { } paid ? IsoDates.Format(paid) : string.Empty,
        State = installment.State switch
        {
            InstallmentState.Partial => PaymentState.Partial,
            InstallmentState.Paid => PaymentState.Paid,
            InstallmentState.Missed => PaymentState.Missed,
            _ => PaymentState.Due,
        },
        DaysLate = installment.DaysLate,
    };
}
