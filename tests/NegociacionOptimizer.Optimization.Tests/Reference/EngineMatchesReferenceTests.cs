using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Search;

namespace NegociacionOptimizer.Optimization.Tests.Reference;

/// <summary>
/// The engine against the exhaustive reference on 300 seeded instances (SPEC §6): same best N overall and in every term
/// class, the whole ranked set of SPEC §5 (class bests, the fill of every place an efficient plan can fill, the start-now
/// alternative) equal to the one built from every feasible plan, every offer feasible and on the grid, Pareto flags
/// exactly as the reference says, ranks and ladder consistent.
/// Split in two classes so xunit runs them on both cores.
/// </summary>
public abstract class EngineMatchesReference
{
    private const double RelativeTolerance = 1e-9;
    private static readonly CpSatOfferEngine Engine = new();

    /// <summary>Seeds [from, from + 150).</summary>
    public static TheoryData<int> Batches(int from)
    {
        var data = new TheoryData<int>();
        for (var batch = 0; batch < 6; batch++)
        {
            data.Add(from + (batch * 25));
        }

        return data;
    }

    protected static void CheckBatch(int firstSeed)
    {
        for (var seed = firstSeed; seed < firstSeed + 25; seed++)
        {
            Check(seed);
        }
    }

    private static void Check(int seed)
    {
        var context = InstanceGenerator.Create(seed);
        var set = Engine.Generate(context, new OfferOptions(10, TimeSpan.FromSeconds(60), $"seed-{seed}"), CancellationToken.None);
        var reference = ExhaustiveReference.FeasiblePlans(context);
        Assert.True(set.Stats.OptimalProven, $"seed {seed}: not proven");

        if (reference.Count == 0)
        {
            Assert.Equal(OfferOutcome.NoFeasiblePlan, set.Outcome);
            Assert.NotEmpty(set.NoOfferReasons);
            return;
        }

        Assert.Equal(OfferOutcome.Offers, set.Outcome);
        AssertSameScore(reference.Max(p => p.Score), set.Offers[0].Plan.Score, seed, "overall");

        var expected = ReferenceSet.Build(reference, 10);
        var classBests = reference.GroupBy(p => TermClass.Of(p.Terms.Structure)).ToDictionary(g => g.Key, g => g.Max(p => p.Score));
        // Every class best the set keeps (the start-now alternative may take the last place of one) is offered.
        foreach (var (termClass, best) in classBests.Where(c => expected.Any(p => TermClass.Of(p.Terms.Structure) == c.Key && p.Score == c.Value)))
        {
            var offer = set.Offers.FirstOrDefault(o => o.TermClass == termClass && o.Plan.Terms.Structure.Installments is var n && termClass.Contains(n));
            Assert.True(offer is not null, $"seed {seed}: no offer for class {termClass}");
            AssertSameScore(best, set.Offers.Where(o => o.TermClass == termClass).Max(o => o.Plan.Score), seed, termClass.ToString());
        }

        string Describe() => $"expected [{string.Join("; ", expected.Select(p => $"{p.Terms.Frequency} n={p.Terms.Installments} g={p.Terms.GracePeriods} N={p.Score:F0}"))}], offered [{string.Join("; ", set.Offers.Select(o => $"{o.Plan.Terms.Frequency} n={o.Plan.Terms.Installments} g={o.Plan.Terms.GracePeriods} N={o.Plan.Score:F0}"))}]";
        Assert.True(expected.Count == set.Offers.Count, $"seed {seed}: {set.Offers.Count} offers, the reference set has {expected.Count}: {Describe()}");
        foreach (var (want, got) in expected.Zip(set.Offers))
        {
            AssertSameScore(want.Score, got.Plan.Score, seed, $"rank {got.Rank}: {Describe()}");
        }

        Assert.Equal(expected.Any(p => p.Terms.StartsNow), set.Offers.Any(o => o.Plan.Terms.StartsNow));

        var step = context.Policy.AmountStepMinor;
        foreach (var offer in set.Offers)
        {
            var plan = offer.Plan;
            Assert.True(PlanEvaluator.Evaluate(context, plan.Terms).IsFeasible, $"seed {seed}: infeasible offer {plan.Terms}");
            Assert.Equal(0, plan.Terms.DiscountMinor % step);
            Assert.True(plan.Terms.IsSettlement || plan.Terms.DownPaymentMinor % step == 0, $"seed {seed}: D off the grid");
            var dominated = reference.Any(p => Dominance.Dominates(p, plan));
            Assert.True(offer.ParetoEfficient == !dominated, $"seed {seed}: Pareto flag {offer.ParetoEfficient} for {plan.Terms}");
        }

        Assert.Equal(set.Offers.Count, set.Offers.Select(o => (o.Plan.Terms.Frequency, o.Plan.Terms.Installments)).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, set.Offers.Count), set.Offers.Select(o => o.Rank));
        Assert.True(set.Offers.Zip(set.Offers.Skip(1)).All(p => p.First.Plan.Score >= p.Second.Plan.Score), $"seed {seed}: ranks not by N");
        var ladder = set.Offers.OrderBy(o => o.LadderPosition).ToArray();
        Assert.Equal(Enumerable.Range(1, set.Offers.Count), ladder.Select(o => o.LadderPosition));
        Assert.True(ladder.Zip(ladder.Skip(1)).All(p => p.First.Plan.CompanyValueMinor >= p.Second.Plan.CompanyValueMinor), $"seed {seed}: ladder not by U_c");
    }

    private static void AssertSameScore(double expected, double actual, int seed, string scope) =>
        Assert.True(Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(1, expected),
            $"seed {seed}, {scope}: engine N {actual:R} ≠ reference N {expected:R}");
}

public sealed class EngineMatchesReferenceOnSeeds1To150 : EngineMatchesReference
{
    public static TheoryData<int> Seeds => Batches(1);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Best_plans_overall_and_per_class_equal_the_exhaustive_reference(int firstSeed) => CheckBatch(firstSeed);
}

public sealed class EngineMatchesReferenceOnSeeds151To300 : EngineMatchesReference
{
    public static TheoryData<int> Seeds => Batches(151);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Best_plans_overall_and_per_class_equal_the_exhaustive_reference(int firstSeed) => CheckBatch(firstSeed);
}
