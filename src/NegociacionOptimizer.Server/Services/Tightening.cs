using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using D = NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Server.Services;

/// <summary>
/// A call's <see cref="PolicyTightening"/> applied to the policy that answers it (SPEC §7): each set field replaces the
/// policy's value when it is at least as strict; a looser one is PERMISSION_DENIED naming every such field, whatever
/// the caller's role. Ranges are checked before, with the request (RequestValidator). The tightened policy is created
/// like any other (<see cref="D.Policy.Create"/>), so it is valid by construction: each value lies between the
/// policy's and the call's, both within their row, and capping every principal cell at one bound keeps the matrix
/// ordered.
/// </summary>
public static class Tightening
{
    /// <summary>The policy made stricter by <paramref name="tightening"/> (unchanged when it is null).</summary>
    public static D.Policy Apply(D.Policy policy, PolicyTightening? tightening)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (tightening is null)
        {
            return policy;
        }

        var looser = new List<string>();
        int AtMost(bool has, int value, int limit, string field)
        {
            if (!has)
            {
                return limit;
            }

            if (value > limit)
            {
                looser.Add($"tightening.{field}");
            }

            return Math.Min(value, limit);
        }

        int AtLeast(bool has, int value, int limit, string field)
        {
            if (!has)
            {
                return limit;
            }

            if (value < limit)
            {
                looser.Add($"tightening.{field}");
            }

            return Math.Max(value, limit);
        }

        var largestCell = policy.PrincipalDiscount.Tiers.SelectMany(t => t.PrincipalCapBp).Max();
        var principalCap = AtMost(tightening.HasMaxPrincipalDiscountBp, tightening.MaxPrincipalDiscountBp, largestCell, "max_principal_discount_bp");
        var tightened = policy.ToDraft() with
        {
            MaxTermMonths = AtMost(tightening.HasMaxTermMonths, tightening.MaxTermMonths, policy.MaxTermMonths, "max_term_months"),
            MaxGracePeriods = AtMost(tightening.HasMaxGracePeriods, tightening.MaxGracePeriods, policy.MaxGracePeriods, "max_grace_periods"),
            MaxDiscountFeesBp = AtMost(tightening.HasMaxDiscountFeesBp, tightening.MaxDiscountFeesBp, policy.MaxDiscountFeesBp, "max_discount_fees_bp"),
            MaxDiscountInterestBp = AtMost(
                tightening.HasMaxDiscountInterestBp, tightening.MaxDiscountInterestBp, policy.MaxDiscountInterestBp, "max_discount_interest_bp"),
            PrincipalDiscount = policy.PrincipalDiscount with
            {
                Tiers = [.. policy.PrincipalDiscount.Tiers.Select(t => t with { PrincipalCapBp = [.. t.PrincipalCapBp.Select(c => Math.Min(c, principalCap))] })],
            },
            MaxEffectiveAnnualRateBp = AtMost(
                tightening.HasMaxEffectiveAnnualRateBp, tightening.MaxEffectiveAnnualRateBp, policy.MaxEffectiveAnnualRateBp, "max_effective_annual_rate_bp"),
            MinDownPaymentBp = AtLeast(tightening.HasMinDownPaymentBp, tightening.MinDownPaymentBp, policy.MinDownPaymentBp, "min_down_payment_bp"),
            MaxBurdenBp = AtMost(tightening.HasMaxBurdenBp, tightening.MaxBurdenBp, policy.MaxBurdenBp, "max_burden_bp"),
        };
        if (looser.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"A call may only tighten its policy, never loosen it; looser than the policy: {string.Join(", ", looser)}."));
        }

        return D.Policy.Create(tightened);
    }

    /// <summary>Whether <paramref name="tightening"/> sets any field.</summary>
    public static bool Sets(PolicyTightening? tightening) =>
        tightening is not null && tightening.CalculateSize() > 0;
}
