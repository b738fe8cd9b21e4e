using System.Runtime.CompilerServices;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Tests.Support;

namespace NegociacionOptimizer.Domain.Tests.Plans;

/// <summary>
/// Structure profiles are shared across negotiations by exactly what they depend on (the policy's rates, cost of
/// capital, person's discount rate and behaviour model; as-of; pay day; reason; calendar; structure), within a bound on
/// the memory they hold, and safely from many threads.
/// </summary>
public sealed class StructureProfileCacheTests
{
    private const long Large = 1L << 30;

    private static readonly PlanStructure Weekly = new(Frequency.Weekly, 12, 1);

    [Fact]
    public void Negotiations_with_equal_inputs_share_one_profile()
    {
        var cache = new StructureProfileCache(Large);
        var first = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000), Scenario.Inquiry());
        // Another policy object with the same values, another account, other means: none of it is in a profile.
        var otherPolicy = Policy.UncheckedForTests(Scenario.Draft() with { Id = "other", Version = 7, MaxBurdenBp = 2_000, OfferCount = 2 });
        var second = Context(
            cache,
            otherPolicy,
            Scenario.Account(55_000_000, interest: 1_000, daysPastDue: 400),
            Scenario.Inquiry(income: 3_000_000, lumpSum: 40_000, incomeFrequency: Frequency.Monthly));

        var shared = cache.Profile(first, Weekly);

        Assert.Same(shared, cache.Profile(second, Weekly));
        Assert.Same(shared, second.Profile(Weekly));
        AssertSameValues(Fresh(second, Weekly), shared);
    }

    [Fact]
    public void A_context_takes_its_profiles_from_the_shared_cache()
    {
        var first = Scenario.Context(Scenario.Account(1_000_000));
        var second = Scenario.Context(Scenario.Account(9_000_000), policy: Scenario.Policy());

        Assert.Same(StructureProfileCache.Shared.Profile(first, Weekly), second.Profile(Weekly));
    }

    [Theory]
    [InlineData("rate tiers")]
    [InlineData("cost of capital")]
    [InlineData("debtor discount rate")]
    [InlineData("hazard buckets")]
    [InlineData("grace hazard multiplier")]
    [InlineData("reason multiplier")]
    [InlineData("as-of")]
    [InlineData("pay day")]
    [InlineData("reason")]
    [InlineData("calendar")]
    [InlineData("frequency")]
    [InlineData("installments")]
    [InlineData("grace periods")]
    public void Each_input_of_a_profile_keys_a_profile_of_its_own(string input)
    {
        var cache = new StructureProfileCache(Large);
        var draft = Scenario.Draft();
        var account = Scenario.Account(1_000_000);
        var inquiry = Scenario.Inquiry(reason: Reason.JobLoss);
        var calendar = (IBusinessCalendar)TestCalendar.WeekendsOnly;
        var structure = Weekly;
        switch (input)
        {
            case "rate tiers": draft = draft with { NominalAnnualRate = [new RateTier(6, 2_400), new RateTier(1_200, 3_600)] }; break;
            case "cost of capital": draft = draft with { CostOfCapitalBp = draft.CostOfCapitalBp + 1 }; break;
            case "debtor discount rate": draft = draft with { DebtorDiscountRateBp = draft.DebtorDiscountRateBp + 1 }; break;
            case "hazard buckets": draft = draft with { Behaviour = draft.Behaviour with { Buckets = [.. draft.Behaviour.Buckets.Select((b, i) => i == 0 ? b with { MonthlyHazard = 0.0051 } : b)] } }; break;
            case "grace hazard multiplier": draft = draft with { Behaviour = draft.Behaviour with { GraceHazardMultiplier = 2 } }; break;
            case "reason multiplier": draft = draft with { Behaviour = draft.Behaviour with { ReasonMultipliers = [new ReasonMultiplier(Reason.JobLoss, 1.7)] } }; break;
            case "as-of": account = Scenario.Account(1_000_000, asOf: Scenario.AsOf.AddDays(1)); break;
            case "pay day": inquiry = Scenario.Inquiry(reason: Reason.JobLoss, payDay: PayDay.OfMonth(11)); break;
            case "reason": inquiry = Scenario.Inquiry(reason: Reason.Illness); break;
            case "calendar": calendar = new TestCalendar(); break;
            case "frequency": structure = structure with { Frequency = Frequency.Biweekly }; break;
            case "installments": structure = structure with { Installments = 13 }; break;
            case "grace periods": structure = structure with { GracePeriods = 2 }; break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input, "no such input");
        }

        var baseline = cache.Profile(Context(cache, Scenario.Policy(), Scenario.Account(1_000_000), Scenario.Inquiry(reason: Reason.JobLoss)), Weekly);
        var changed = Context(cache, Policy.UncheckedForTests(draft), account, inquiry, calendar);
        var profile = cache.Profile(changed, structure);

        Assert.NotSame(baseline, profile);
        AssertSameValues(Fresh(changed, structure), profile);
    }

    [Fact]
    public void Many_distinct_negotiations_keep_the_cache_within_its_budget()
    {
        var cache = new StructureProfileCache(256 * 1024);
        var first = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000), Scenario.Inquiry());
        var firstProfile = cache.Profile(first, Weekly);
        StructureProfile? last = null;
        NegotiationContext? lastContext = null;
        for (var day = 1; day <= 400; day++)
        {
            lastContext = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000, asOf: Scenario.AsOf.AddDays(day)), Scenario.Inquiry());
            foreach (var n in new[] { 1, 12, 52 })
            {
                last = cache.Profile(lastContext, Weekly with { Installments = n });
                Assert.InRange(cache.RetainedBytes, 1, cache.BudgetBytes);
            }
        }

        Assert.NotSame(firstProfile, cache.Profile(first, Weekly));
        Assert.Same(last, cache.Profile(lastContext!, Weekly with { Installments = 52 }));
    }

    [Fact]
    public void A_profile_in_use_stays_shared_while_other_negotiations_come_and_go()
    {
        var cache = new StructureProfileCache(64 * 1024);
        var hot = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000), Scenario.Inquiry());
        var profile = cache.Profile(hot, Weekly);
        for (var day = 1; day <= 300; day++)
        {
            var cold = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000, asOf: Scenario.AsOf.AddDays(day)), Scenario.Inquiry());
            cache.Profile(cold, Weekly with { Installments = 40 });
            Assert.Same(profile, cache.Profile(hot, Weekly));
        }
    }

    [Fact]
    public void A_context_that_outlives_its_request_holds_none_of_its_profiles()
    {
        var cache = new StructureProfileCache(64 * 1024);
        var kept = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000), Scenario.Inquiry());
        var profile = ProfileOf(cache, kept);
        for (var day = 1; day <= 100; day++)
        {
            var other = Context(cache, Scenario.Policy(), Scenario.Account(1_000_000, asOf: Scenario.AsOf.AddDays(day)), Scenario.Inquiry());
            cache.Profile(other, Weekly with { Installments = 40 });
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(profile.IsAlive);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void Concurrent_callers_of_one_key_get_one_profile()
    {
        var cache = new StructureProfileCache(Large);
        var contexts = Enumerable.Range(0, 4)
            .Select(i => Context(cache, Scenario.Policy(), Scenario.Account(1_000_000 + i), Scenario.Inquiry()))
            .ToArray();
        var seen = new StructureProfile[contexts.Length][];
        using var start = new Barrier(contexts.Length);
        var threads = contexts.Select((context, t) => new Thread(() =>
        {
            start.SignalAndWait();
            seen[t] = [.. Enumerable.Range(1, 60).Select(n => cache.Profile(context, Weekly with { Installments = n }))];
        })).ToArray();
        Run(threads);

        for (var n = 0; n < 60; n++)
        {
            Assert.All(seen, profiles => Assert.Same(seen[0][n], profiles[n]));
        }
    }

    [Fact]
    public void Concurrent_callers_under_a_small_budget_get_correct_profiles_and_stay_near_it()
    {
        var cache = new StructureProfileCache(48 * 1024);
        var random = new Random(20261201);
        var keys = Enumerable.Range(0, 40)
            .Select(_ => (
                Context: Context(cache, Scenario.Policy(), Scenario.Account(1_000_000, asOf: Scenario.AsOf.AddDays(random.Next(30))),
                    Scenario.Inquiry(reason: random.Next(2) == 0 ? Reason.Forgot : Reason.Illness)),
                Structure: new PlanStructure(Frequency.Weekly, random.Next(1, 60), random.Next(3))))
            .ToArray();
        var expected = keys.Select(k => Fresh(k.Context, k.Structure)).ToArray();
        var largest = expected.Max(p => p.ApproximateBytes);
        const int callers = 4;
        var picks = Enumerable.Range(0, callers).Select(_ => Enumerable.Range(0, 400).Select(_ => random.Next(keys.Length)).ToArray()).ToArray();
        var got = new StructureProfile[callers][];
        var peak = new long[callers];
        using var start = new Barrier(callers);
        var threads = Enumerable.Range(0, callers).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            got[t] = [.. picks[t].Select(i =>
            {
                var profile = cache.Profile(keys[i].Context, keys[i].Structure);
                peak[t] = Math.Max(peak[t], cache.RetainedBytes);
                return profile;
            })];
        })).ToArray();
        Run(threads);

        for (var t = 0; t < callers; t++)
        {
            for (var c = 0; c < picks[t].Length; c++)
            {
                AssertSameValues(expected[picks[t][c]], got[t][c]);
            }
        }

        // Each generation may pass its half by what the other callers add at the same moment.
        Assert.InRange(peak.Max(), 1, cache.BudgetBytes + (2 * callers * largest));
    }

    private static NegotiationContext Context(
        StructureProfileCache cache, Policy policy, Account account, Inquiry inquiry, IBusinessCalendar? calendar = null) =>
        new(account, inquiry, policy, calendar ?? TestCalendar.WeekendsOnly, cache);

    /// <summary>The profile <paramref name="context"/> builds on its own, in a cache of its own.</summary>
    private static StructureProfile Fresh(NegotiationContext context, PlanStructure structure) =>
        new StructureProfileCache(Large).Profile(context, structure);

    /// <summary>A weak reference to a profile of <paramref name="context"/>, with no strong one left on this stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ProfileOf(StructureProfileCache cache, NegotiationContext context) =>
        new(cache.Profile(context, Weekly));

    private static void Run(Thread[] threads)
    {
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private static void AssertSameValues(StructureProfile expected, StructureProfile actual)
    {
        Assert.Equal(expected.Structure, actual.Structure);
        Assert.Equal(expected.WithinCalendar, actual.WithinCalendar);
        Assert.Equal(expected.NominalRateBp, actual.NominalRateBp);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.PeriodRate), BitConverter.DoubleToInt64Bits(actual.PeriodRate));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.AnnuityFactor), BitConverter.DoubleToInt64Bits(actual.AnnuityFactor));
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(expected.DueDates, actual.DueDates);
        Assert.Equal(Bits(expected.CompanyDiscount), Bits(actual.CompanyDiscount));
        Assert.Equal(Bits(expected.PersonDiscount), Bits(actual.PersonDiscount));
        for (var b = 0; b < Scenario.Policy().Behaviour.Buckets.Count; b++)
        {
            Assert.Equal(Bits(expected.Survival(b)), Bits(actual.Survival(b)));
        }
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
