using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;
using D = NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Server.Tests.Policies;

/// <summary>
/// A tightened policy is created through the policy rules like any other, so it is valid by construction; seeded
/// tightenings of every shipped policy, each value anywhere in its range, show that construction never refuses one.
/// </summary>
public sealed class TightenedPolicyTests
{
    private const int Seed = 1_717;

    [Fact]
    public void Every_in_range_tightening_makes_a_valid_policy_or_is_denied_as_looser()
    {
        using var store = new PolicyStore(new PolicyFolder(Path.Combine(Requests.RepositoryRoot, "policies")), NullLogger<PolicyStore>.Instance);
        var policies = store.All().Select(p => p.Policy).Append(D.PolicyDefaults.BuiltIn).ToList();
        var random = new Random(Seed);
        var applied = 0;
        for (var i = 0; i < 400; i++)
        {
            var policy = policies[random.Next(policies.Count)];
            var tightening = RandomTightening(random);
            D.Policy tightened;
            try
            {
                tightened = Tightening.Apply(policy, tightening);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                continue;
            }

            applied++;
            Assert.True(D.Policy.TryCreate(tightened.ToDraft(), out _, out var violations), string.Join("; ", violations));
            Assert.True(tightened.MaxTermMonths <= policy.MaxTermMonths);
            Assert.True(tightened.MaxGracePeriods <= policy.MaxGracePeriods);
            Assert.True(tightened.MaxDiscountFeesBp <= policy.MaxDiscountFeesBp);
            Assert.True(tightened.MaxDiscountInterestBp <= policy.MaxDiscountInterestBp);
            Assert.True(tightened.MaxEffectiveAnnualRateBp <= policy.MaxEffectiveAnnualRateBp);
            Assert.True(tightened.MaxBurdenBp <= policy.MaxBurdenBp);
            Assert.True(tightened.MinDownPaymentBp >= policy.MinDownPaymentBp);
            Assert.All(
                tightened.PrincipalDiscount.Tiers.Zip(policy.PrincipalDiscount.Tiers).SelectMany(t => t.First.PrincipalCapBp.Zip(t.Second.PrincipalCapBp)),
                cell => Assert.True(cell.First <= cell.Second && (!tightening.HasMaxPrincipalDiscountBp || cell.First <= tightening.MaxPrincipalDiscountBp)));
        }

        Assert.InRange(applied, 40, 400);
    }

    /// <summary>Each field set with probability ½, anywhere in its row's range, small values more often so some calls tighten.</summary>
    private static PolicyTightening RandomTightening(Random random)
    {
        var tightening = new PolicyTightening();
        (FieldLimit<int> Row, Action<int> Set)[] fields =
        [
            (FieldLimits.MaxTermMonths, v => tightening.MaxTermMonths = v),
            (FieldLimits.MaxGracePeriods, v => tightening.MaxGracePeriods = v),
            (FieldLimits.MaxDiscountFeesBp, v => tightening.MaxDiscountFeesBp = v),
            (FieldLimits.MaxDiscountInterestBp, v => tightening.MaxDiscountInterestBp = v),
            (FieldLimits.PrincipalCapBp, v => tightening.MaxPrincipalDiscountBp = v),
            (FieldLimits.MaxEffectiveAnnualRateBp, v => tightening.MaxEffectiveAnnualRateBp = v),
            (FieldLimits.MinDownPaymentBp, v => tightening.MinDownPaymentBp = v),
            (FieldLimits.MaxBurdenBp, v => tightening.MaxBurdenBp = v),
        ];
        foreach (var (row, set) in fields.Where(_ => random.Next(2) == 0))
        {
            set(random.Next(2) == 0 ? row.Min + random.Next(Math.Min(row.Max - row.Min, 40) + 1) : random.Next(row.Min, row.Max + 1));
        }

        return tightening;
    }
}
