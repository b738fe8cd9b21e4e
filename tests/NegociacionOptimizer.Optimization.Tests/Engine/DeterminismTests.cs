using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Engine;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_request_and_policy_give_the_same_offers_and_ids()
    {
        var engine = new CpSatOfferEngine();
        for (var seed = 4; seed <= 30; seed += 13)
        {
            var first = engine.Generate(InstanceGenerator.Create(seed), new OfferOptions(5, TimeSpan.FromSeconds(30), "fp"), CancellationToken.None);
            var second = engine.Generate(InstanceGenerator.Create(seed), new OfferOptions(5, TimeSpan.FromSeconds(30), "fp"), CancellationToken.None);
            Assert.Equal(first.Offers.Select(o => (o.OfferId, o.Rank, o.LadderPosition, o.Plan.Terms)), second.Offers.Select(o => (o.OfferId, o.Rank, o.LadderPosition, o.Plan.Terms)));
            Assert.Equal(first.Offers.Select(o => o.Plan.Score), second.Offers.Select(o => o.Plan.Score));
        }
    }

    [Fact]
    public void Another_fingerprint_gives_other_ids_for_the_same_plans()
    {
        var engine = new CpSatOfferEngine();
        var a = engine.Generate(InstanceGenerator.Create(4), new OfferOptions(3, TimeSpan.FromSeconds(30), "a"), CancellationToken.None);
        var b = engine.Generate(InstanceGenerator.Create(4), new OfferOptions(3, TimeSpan.FromSeconds(30), "b"), CancellationToken.None);
        Assert.NotEmpty(a.Offers);
        Assert.Equal(a.Offers.Select(o => o.Plan.Terms), b.Offers.Select(o => o.Plan.Terms));
        Assert.DoesNotContain(a.Offers.Select(o => o.OfferId), id => b.Offers.Any(o => o.OfferId == id));
    }
}
