using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Analytics.Tests.Portfolio;

public sealed class SyntheticPortfolioTests
{
    private static readonly Currency Cop = Currency.FromCode("COP");
    private static readonly DateOnly AsOf = new(2026, 11, 22);

    [Fact]
    public void Same_seed_gives_the_same_portfolio_and_another_seed_a_different_one()
    {
        var a = SyntheticPortfolio.Generate(300, 7, Cop, AsOf);
        var b = SyntheticPortfolio.Generate(300, 7, Cop, AsOf);
        var c = SyntheticPortfolio.Generate(300, 8, Cop, AsOf);

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(x => x.Account.PrincipalMinor), c.Select(x => x.Account.PrincipalMinor));
    }

    [Fact]
    public void Every_account_is_valid_input_for_an_offer_request()
    {
        var portfolio = SyntheticPortfolio.Generate(2_000, 1, Cop, AsOf);

        Assert.Equal(2_000, portfolio.Select(p => p.AccountId).Distinct().Count());
        Assert.All(portfolio, p =>
        {
            Assert.Equal(p.AccountId, p.Account.AccountId);
            Assert.Equal(AsOf, p.Account.AsOf);
            Assert.InRange(p.Account.DaysPastDue, 0, 360);
            Assert.True(p.Account.PrincipalMinor > 0 && p.Account.InterestMinor >= 0 && p.Account.FeesMinor >= 0);
            Assert.True(p.Inquiry.MonthlyIncomeMinor is not null || p.Inquiry.StatedMonthlyCapacityMinor is > 0);
            Assert.True(p.Inquiry.LumpSumMinor >= 0);
            Assert.True(p.Inquiry.IncomeFrequency == Frequency.Monthly
                ? p.Inquiry.PayDay.DayOfMonth is >= 1 and <= 31
                : p.Inquiry.PayDay.Weekday is not null);
        });
    }

    [Fact]
    public void Mix_is_realistic_mostly_monthly_few_disputes_and_often_no_lump_sum()
    {
        var portfolio = SyntheticPortfolio.Generate(5_000, 2, Cop, AsOf);

        double Share(Func<PortfolioAccount, bool> which) => portfolio.Count(which) / (double)portfolio.Count;

        Assert.InRange(Share(p => p.Inquiry.IncomeFrequency == Frequency.Monthly), 0.6, 0.8);
        Assert.InRange(Share(p => p.Inquiry.Reason.RequiresReview()), 0.01, 0.06);
        Assert.InRange(Share(p => p.Inquiry.LumpSumMinor == 0), 0.5, 0.7);
        Assert.Equal(8, portfolio.Select(p => p.Inquiry.Reason).Distinct().Count());
    }

    [Fact]
    public void Balances_spread_log_normally_around_the_currency_scale()
    {
        var cop = SyntheticPortfolio.Generate(3_000, 3, Cop, AsOf).Select(p => p.Account.BalanceMinor).Order().ToList();
        var usd = SyntheticPortfolio.Generate(3_000, 3, Currency.FromCode("USD"), AsOf).Select(p => p.Account.BalanceMinor).Order().ToList();

        Assert.True(cop[^30] > 10 * cop[30], "the top percentile is an order of magnitude above the bottom one");
        Assert.True(cop[1_500] > 100 * usd[1_500], "a peso balance is larger in minor units than a dollar one");
    }
}
