using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Tests.Money;

public sealed class AmountTests
{
    [Theory]
    [InlineData("COP", 12_345_678, 123_456)]
    [InlineData("CLP", 12_345_678, 12_345_678)]
    [InlineData("ARS", 99, 0)]
    public void Whole_major_units_count_the_currency_s_minor_digits(string code, long minor, long major) =>
        Assert.Equal(major, new Amount(minor, Currency.FromCode(code)).WholeMajor);

    [Fact]
    public void An_account_s_balance_carries_its_currency()
    {
        var account = new Domain.Accounts.Account("A", Currency.FromCode("MXN"), 100, 20, 3, 0, new DateOnly(2026, 1, 1));

        Assert.Equal(new Amount(123, Currency.FromCode("MXN")), account.Balance);
    }
}
