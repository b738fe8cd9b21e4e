using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Limits;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>A portfolio account → the GenerateOffers request a server answers, with the policy inline.</summary>
internal static class Requests
{
    public static Proto.GenerateOffersRequest Build(PortfolioAccount input, Proto.Policy policy)
    {
        var (id, a, q) = input;
        var inquiry = new Proto.Inquiry
        {
            LumpSumAvailableMinor = q.LumpSumMinor,
            IncomeFrequency = ToProto.Frequency(q.IncomeFrequency),
            PayDay = q.PayDay.DayOfMonth is { } day
                ? new Proto.PayDay { DayOfMonth = day }
                : new Proto.PayDay { Weekday = Weekday(q.PayDay.Weekday ?? DayOfWeek.Friday) },
            Reason = (Proto.Reason)(int)q.Reason,
        };
        if (q.MonthlyIncomeMinor is { } income)
        {
            inquiry.MonthlyIncomeMinor = income;
        }

        if (q.EssentialExpensesMinor is { } expenses)
        {
            inquiry.MonthlyEssentialExpensesMinor = expenses;
        }

        if (q.OtherDebtPaymentsMinor is { } other)
        {
            inquiry.MonthlyOtherDebtPaymentsMinor = other;
        }

        if (q.StatedMonthlyCapacityMinor is { } stated)
        {
            inquiry.StatedMonthlyCapacityMinor = stated;
        }

        return new Proto.GenerateOffersRequest
        {
            RequestId = id.Length <= FieldLimits.MaxRequestIdLength ? id : id[..FieldLimits.MaxRequestIdLength],
            Account = new Proto.Account
            {
                AccountId = id,
                Currency = a.Currency.Code,
                PrincipalMinor = a.PrincipalMinor,
                InterestMinor = a.InterestMinor,
                FeesMinor = a.FeesMinor,
                DaysPastDue = a.DaysPastDue,
                AsOf = a.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            Inquiry = inquiry,
            Policy = policy,
        };
    }

    /// <summary>ISO weekday (Monday = 1 … Sunday = 7), the inverse of <see cref="ToDomain.Weekday"/>.</summary>
    private static Proto.Weekday Weekday(DayOfWeek day) => day == DayOfWeek.Sunday ? Proto.Weekday.Sunday : (Proto.Weekday)(int)day;
}
