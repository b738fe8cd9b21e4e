using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Analyst.Tests.Csv;

public sealed class PortfolioCsvTests
{
    private static string Write(IEnumerable<PortfolioAccount> accounts)
    {
        using var writer = new StringWriter();
        PortfolioCsv.Write(writer, accounts);
        return writer.ToString();
    }

    private static IReadOnlyList<PortfolioAccount> Read(string text) => PortfolioCsv.Read(new StringReader(text));

    [Fact]
    public void Portfolio_survives_a_write_and_read_round_trip()
    {
        var portfolio = SyntheticPortfolio.Generate(500, 4, Currency.FromCode("ARS"), new DateOnly(2026, 11, 22));

        Assert.Equal(portfolio, Read(Write(portfolio)));
    }

    [Fact]
    public void Header_lists_the_documented_columns_in_order_and_absent_values_are_empty_cells()
    {
        var portfolio = SyntheticPortfolio.Generate(200, 5, Currency.FromCode("COP"), new DateOnly(2026, 11, 22));

        var lines = Write(portfolio).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', PortfolioCsv.Columns), lines[0]);
        Assert.Equal("account_id,currency,principal_minor,interest_minor,fees_minor,days_past_due,as_of,monthly_income_minor,monthly_essential_expenses_minor,monthly_other_debt_payments_minor,stated_monthly_capacity_minor,lump_sum_available_minor,income_frequency,pay_day,reason", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains(",,,", StringComparison.Ordinal));
        Assert.Contains(lines.Skip(1), l => l.Contains("WEEKDAY_", StringComparison.Ordinal));
    }

    [Fact]
    public void Hand_written_file_with_comments_short_enum_names_and_a_weekday_pay_day_is_read()
    {
        const string text = """
            # exported 2026-11-22
            account_id,currency,principal_minor,interest_minor,fees_minor,days_past_due,as_of,monthly_income_minor,monthly_essential_expenses_minor,monthly_other_debt_payments_minor,stated_monthly_capacity_minor,lump_sum_available_minor,income_frequency,pay_day,reason
            A-1,COP,100000000,2000000,500000,95,2026-11-22,300000000,150000000,,,0,biweekly,friday,job_loss
            """;

        var account = Assert.Single(Read(text));

        Assert.Equal(102_500_000, account.Account.BalanceMinor);
        Assert.Equal(Frequency.Biweekly, account.Inquiry.IncomeFrequency);
        Assert.Equal(PayDay.OnWeekday(DayOfWeek.Friday), account.Inquiry.PayDay);
        Assert.Equal(Reason.JobLoss, account.Inquiry.Reason);
        Assert.Null(account.Inquiry.OtherDebtPaymentsMinor);
        Assert.Equal(150_000_000, account.Inquiry.IncomeBasedDisposableMinor);
    }

    [Fact]
    public void Malformed_cell_is_reported_with_its_line_and_column()
    {
        var text = Write(SyntheticPortfolio.Generate(3, 1, Currency.FromCode("COP"), new DateOnly(2026, 11, 22)))
            .Replace("REASON_", "REASON_X", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => Read(text));

        Assert.Contains("line 2, column reason", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_is_reported_by_name()
    {
        var e = Assert.Throws<FormatException>(() => Read("account_id,currency\nA,COP\n"));

        Assert.Contains("principal_minor", e.Message, StringComparison.Ordinal);
    }
}
