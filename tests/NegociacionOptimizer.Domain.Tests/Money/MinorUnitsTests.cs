using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Tests.Money;

public sealed class MinorUnitsTests
{
    [Theory]
    [InlineData(1, 100, 100)]
    [InlineData(100, 100, 100)]
    [InlineData(101, 100, 200)]
    [InlineData(0, 100, 0)]
    [InlineData(-5, 100, 0)]
    public void CeilingToMultiple_rounds_up_to_the_unit(long amount, long unit, long expected) =>
        Assert.Equal(expected, MinorUnits.CeilingToMultiple(amount, unit));

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
