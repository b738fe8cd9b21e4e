using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// An engine answer (in process) or a server's answer → <see cref="AccountResult"/>, with the same roundings as the
/// wire (<c>ToProto</c>), so both paths give the same rows.
/// </summary>
internal static class ResultMapping
{
    public static AccountResult FromOfferSet(WorkItem item, OfferSet set)
    {
        var outcome = set.Outcome switch
        {
            OfferOutcome.Offers => ResultOutcome.Offers,
            OfferOutcome.NoFeasiblePlan => ResultOutcome.NoFeasiblePlan,
            _ => ResultOutcome.ReviewRequired,
        };
        var best = set.Offers.Count > 0 ? Best(set.Offers.OrderBy(o => o.Rank).First().Plan) : null;
        var points = set.Offers
            .Select(o => new OfferPoint(
                o.Rank,
                MinorUnits.RoundValuation(o.Plan.CompanyValueMinor),
                MinorUnits.RoundValuation(o.Plan.PersonValueMinor),
                o.Plan.Terms.IsSettlement || o.Plan.Terms.GracePeriods == 0))
            .ToList();
        var reason = outcome switch
        {
            ResultOutcome.ReviewRequired => ToProto.ReviewReasonCode,
            ResultOutcome.NoFeasiblePlan when set.NoOfferReasons.Count > 0 => ToProto.Code(set.NoOfferReasons[0].Code),
            _ => string.Empty,
        };
        return new AccountResult(
            item, string.Empty, outcome, best, points, set.Stats.Elapsed.TotalMilliseconds, set.Stats.OptimalProven, string.Empty, reason);
    }

    /// <summary>A refused call (bad input, beyond the role, ...) as an error row with its status and field violations.</summary>
    public static AccountResult FromFailure(WorkItem item, string server, Contracts.CallFailure failure) =>
        new(item, server, ResultOutcome.Error, null, [], 0, false,
            $"{failure.Code}: {failure.Message}" + string.Concat(failure.Violations.Select(v => $"; {v.Field}: {v.Description}")), string.Empty);

    /// <summary>A server's answer.</summary>
    public static AccountResult FromResponse(WorkItem item, string server, Proto.GenerateOffersResponse response)
    {
        var outcome = response.Outcome switch
        {
            Proto.Outcome.Offers => ResultOutcome.Offers,
            Proto.Outcome.NoFeasiblePlan => ResultOutcome.NoFeasiblePlan,
            _ => ResultOutcome.ReviewRequired,
        };
        var best = response.Offers.Count > 0 ? Best(response.Offers.OrderBy(o => o.Rank).First()) : null;
        var points = response.Offers
            .Select(o => new OfferPoint(o.Rank, o.CompanyValueMinor, o.PersonValueMinor, o.Kind == Proto.OfferKind.Settlement || o.GracePeriods == 0))
            .ToList();
        var solve = response.Solve ?? new Proto.SolveInfo();
        var reason = response.Offers.Count == 0 && response.NoOfferReasons.Count > 0 ? response.NoOfferReasons[0].Code : string.Empty;
        return new AccountResult(item, server, outcome, best, points, solve.SolveTimeMs, solve.OptimalProven, string.Empty, reason);
    }

    private static BestOffer Best(PlanEvaluation plan)
    {
        var terms = plan.Terms;
        return new BestOffer(
            terms.IsSettlement ? BestOffer.Settlement : terms.GracePeriods > 0 ? BestOffer.DeferredPlan : BestOffer.Plan,
            terms.IsSettlement ? string.Empty : EnumNames.Name(terms.Frequency),
            terms.Installments,
            terms.GracePeriods,
            terms.DownPaymentMinor,
            terms.DiscountMinor,
            plan.InstallmentMinor,
            MinorUnits.RoundValuation(plan.ExpectedNpvMinor),
            plan.RecoveryRatio,
            double.IsFinite(plan.Burden) ? plan.Burden : 0,
            MinorUnits.RoundValuation(plan.CompanyValueMinor),
            MinorUnits.RoundValuation(plan.PersonValueMinor),
            plan.Score);
    }

    private static BestOffer Best(Proto.Offer offer) => new(
        offer.Kind switch
        {
            Proto.OfferKind.Settlement => BestOffer.Settlement,
            Proto.OfferKind.DeferredPlan => BestOffer.DeferredPlan,
            _ => BestOffer.Plan,
        },
        offer.Kind == Proto.OfferKind.Settlement ? string.Empty : Api.Validation.ProtoEnums.Frequency.FindValueByNumber((int)offer.Frequency)?.Name ?? string.Empty,
        offer.Installments,
        offer.GracePeriods,
        offer.DownPaymentMinor,
        offer.Discount?.TotalMinor ?? 0,
        offer.InstallmentMinor,
        offer.ExpectedNpvMinor,
        offer.RecoveryRatio,
        offer.Burden,
        offer.CompanyValueMinor,
        offer.PersonValueMinor,
        offer.Score);
}
