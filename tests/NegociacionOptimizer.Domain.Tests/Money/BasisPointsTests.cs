using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Tests.Money;

public sealed class BasisPointsTests
{
    [Theory]
    [InlineData(1_000_000, 2_500, 250_000)]
    [InlineData(999, 3_333, 332)] // 332.9667 floors
    [InlineData(0, 10_000, 0)]
    public void A_share_of_an_amount_truncates(long amount, int bp, long expected) =>
        Assert.Equal(expected, new BasisPoints(bp).ShareFloor(amount));

    [Theory]
    [InlineData(1, 3, 3_333)]
    [InlineData(1, 8, 1_250)]
    [InlineData(1, 20_000, 1)] // 0.5 bp rounds half up
    [InlineData(5, 0, 0)]
    public void A_part_s_share_of_a_total_rounds_half_up(long part, long total, int expected) =>
        Assert.Equal(expected, BasisPoints.ShareOf(part, total).Value);

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
