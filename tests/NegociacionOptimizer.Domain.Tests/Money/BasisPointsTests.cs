using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Tests.Money;

public sealed class BasisPointsTests
{
    [Fact]
    public void A_negative_share_cannot_be_built() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BasisPoints(-1));

    [Fact]
    public void The_fraction_is_the_share_of_the_whole() =>
        Assert.Equal(0.2552, new BasisPoints(2_552).Fraction);

    [Fact]
    public void A_share_of_an_amount_near_the_largest_money_is_exact() =>
        Assert.Equal(999_999_999_999_999L, new BasisPoints(9_999).ShareFloor(1_000_100_010_001_000L));

    [Fact]
    public void A_challenger_cannot_receive_more_than_every_account() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Challenger("other", new BasisPoints(10_001)));

    [Fact]
    public void A_challenger_s_share_stays_in_range_when_changed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Challenger("other", new BasisPoints(5_000)) with { Share = new BasisPoints(10_001) });
}
