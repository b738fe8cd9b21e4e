using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Tests.Money;

public sealed class MinorUnitsTests
{
    [Theory]
    [InlineData(1_000_000, 2_500, 250_000)]
    [InlineData(999, 3_333, 332)] // 332.9667 floors
    [InlineData(0, 10_000, 0)]
    public void ShareFloor_truncates_the_basis_point_share(long amount, int bp, long expected) =>
        Assert.Equal(expected, new BasisPoints(bp).ShareFloor(amount));

    [Theory]
    [InlineData(1, 100, 100)]
    [InlineData(100, 100, 100)]
    [InlineData(101, 100, 200)]
    [InlineData(0, 100, 0)]
    [InlineData(-5, 100, 0)]
    public void CeilingToMultiple_rounds_up_to_the_unit(long amount, long unit, long expected) =>
        Assert.Equal(expected, MinorUnits.CeilingToMultiple(amount, unit));

    [Theory]
    [InlineData(1, 3, 3_333)]
    [InlineData(1, 8, 1_250)]
    [InlineData(1, 20_000, 1)] // 0.5 bp rounds half up
    [InlineData(5, 0, 0)]
    public void ShareOfBp_rounds_half_up(long part, long total, int expected) =>
        Assert.Equal(expected, BasisPoints.ShareOf(part, total).Value);

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -3)]
    [InlineData(2.4999, 2)]
    public void RoundValuation_rounds_half_away_from_zero(double value, long expected) =>
        Assert.Equal(expected, MinorUnits.RoundValuation(value));

    [Fact]
    public void Currency_knows_minor_digits()
    {
        Assert.Equal(100, Currency.FromCode("ARS").MinorPerMajor);
        Assert.Equal(1, Currency.FromCode("CLP").MinorPerMajor);
        Assert.False(Currency.TryFromCode("XXX", out _));
        Assert.Throws<ArgumentException>(() => Currency.FromCode("XXX"));
    }
}
