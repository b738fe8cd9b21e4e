using System.Collections.Concurrent;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>
/// Every numeric field of a GenerateOffers request and of its inline policy, at both ends of its documented range and
/// one step beyond each, through the real server: a value inside is answered (offers, no plan with reasons, or a
/// cross-field INVALID_ARGUMENT), a value outside is INVALID_ARGUMENT naming the field, and nothing is INTERNAL or UNKNOWN.
/// </summary>
public class FieldRangeSweepTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <param name="Path">The field, as a violation names it.</param>
    /// <param name="Min">Smallest valid value.</param>
    /// <param name="Max">Largest valid value (with the base request's other fields).</param>
    /// <param name="Set">Sets the value on a request.</param>
    /// <param name="AboveReportedAt">Where a value above <paramref name="Max"/> is reported, when not at the field itself.</param>
    /// <param name="Below">The value below the range to send (proto3 reads 0 as "not set" for some fields).</param>
    private sealed record Field(
        string Path, long Min, long Max, Action<GenerateOffersRequest, long> Set, string? AboveReportedAt = null, long? Below = null);

    private static readonly Field[] Fields =
    [
        // The base balance is 200,000,000 + 10,000,000 + 5,000,000; the balance may reach 10^11 (reported at "account").
        new("account.principal_minor", 0, 99_985_000_000, (r, v) => r.Account.PrincipalMinor = v, "account"),
        new("account.interest_minor", 0, 99_795_000_000, (r, v) => r.Account.InterestMinor = v, "account"),
        new("account.fees_minor", 0, 99_790_000_000, (r, v) => r.Account.FeesMinor = v, "account"),
        new("account.days_past_due", 0, 3_650, (r, v) => r.Account.DaysPastDue = (int)v),
        new("inquiry.monthly_income_minor", 0, 1_000_000_000_000_000, (r, v) => r.Inquiry.MonthlyIncomeMinor = v),
        new("inquiry.monthly_essential_expenses_minor", 0, 1_000_000_000_000_000, (r, v) => r.Inquiry.MonthlyEssentialExpensesMinor = v),
        new("inquiry.monthly_other_debt_payments_minor", 0, 1_000_000_000_000_000, (r, v) => r.Inquiry.MonthlyOtherDebtPaymentsMinor = v),
        new("inquiry.stated_monthly_capacity_minor", 1, 1_000_000_000_000_000, (r, v) => r.Inquiry.StatedMonthlyCapacityMinor = v),
        new("inquiry.lump_sum_available_minor", 0, 1_000_000_000_000_000, (r, v) => r.Inquiry.LumpSumAvailableMinor = v),
        new("inquiry.pay_day.day_of_month", 1, 31, (r, v) => r.Inquiry.PayDay = new PayDay { DayOfMonth = (int)v }),
        new("offer_count", 1, 10, (r, v) => r.OfferCount = (int)v, Below: -1),
        new("policy.max_term_months", 1, 120, (r, v) => r.Policy.MaxTermMonths = (int)v),
        new("policy.max_grace_periods", 0, 12, (r, v) => r.Policy.MaxGracePeriods = (int)v),
        new("policy.min_installment_minor", 0, 1_000_000_000_000_000, (r, v) => r.Policy.MinInstallmentMinor = v),
        new("policy.rounding_unit_minor", 1, 1_000_000_000_000, (r, v) => r.Policy.RoundingUnitMinor = v),
        new("policy.amount_step_minor", 1, 1_000_000_000_000, (r, v) => r.Policy.AmountStepMinor = v),
        new("policy.min_down_payment_bp", 0, 10_000, (r, v) => r.Policy.MinDownPaymentBp = (int)v),
        new("policy.max_discount_fees_bp", 0, 10_000, (r, v) => r.Policy.MaxDiscountFeesBp = (int)v),
        new("policy.max_discount_interest_bp", 0, 10_000, (r, v) => r.Policy.MaxDiscountInterestBp = (int)v),
        new("policy.max_effective_annual_rate_bp", 0, 100_000, (r, v) => r.Policy.MaxEffectiveAnnualRateBp = (int)v),
        new("policy.cost_of_capital_bp", 0, 100_000, (r, v) => r.Policy.CostOfCapitalBp = (int)v),
        new("policy.alternative_recovery_bp", 0, 10_000, (r, v) => r.Policy.AlternativeRecoveryBp = (int)v),
        new("policy.debtor_discount_rate_bp", 0, 100_000, (r, v) => r.Policy.DebtorDiscountRateBp = (int)v),
        new("policy.max_burden_bp", 1, 10_000, (r, v) => r.Policy.MaxBurdenBp = (int)v),
        new("policy.company_weight_bp", 1, 9_999, (r, v) => r.Policy.CompanyWeightBp = (int)v),
        new("policy.offer_count", 1, 10, (r, v) => r.Policy.OfferCount = (int)v),
        new("policy.offer_validity_days", 1, 90, (r, v) => r.Policy.OfferValidityDays = (int)v),
        new("policy.solve_time_limit_ms", 50, 60_000, (r, v) => r.Policy.SolveTimeLimitMs = (int)v),
        new("policy.nominal_annual_rate[0].nominal_annual_rate_bp", 0, 20_000, (r, v) =>
            r.Policy.NominalAnnualRate.Add(new RateTier { UpToMonths = 120, NominalAnnualRateBp = (int)v })),
    ];

    /// <summary>A valid request with an inline policy whose search is short (each sweep value is one call).</summary>
    private static GenerateOffersRequest Base()
    {
        var request = Requests.Valid();
        request.RequestId = "sweep";
        request.OfferCount = 2;
        request.Policy = new Api.V1.Policy { SolveTimeLimitMs = 200 };
        return request;
    }

    [Fact]
    public async Task Every_field_at_and_beyond_its_range_gets_an_answer_or_invalid_argument_naming_it()
    {
        var cases = new List<(Field Field, long Value, string? ReportedAt)>();
        foreach (var field in Fields)
        {
            cases.Add((field, field.Min, null));
            cases.Add((field, field.Max, null));
            cases.Add((field, field.Below ?? field.Min - 1, field.Path));
            cases.Add((field, field.Max + 1, field.AboveReportedAt ?? field.Path));
        }

        var failures = new ConcurrentBag<string>();
        var answered = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (c, _) =>
        {
            var request = Base();
            c.Field.Set(request, c.Value);
            // A 3 s deadline cuts the longest search budget a policy may set (60 s) to what a test can wait for.
            var result = await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(3));
            var code = result.Failure?.Code ?? StatusCode.OK;
            if (code == StatusCode.OK)
            {
                Interlocked.Increment(ref answered);
            }

            var ok = c.ReportedAt is null
                ? code is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.DeadlineExceeded
                : code == StatusCode.InvalidArgument && result.Failure!.Violations.Any(v => v.Field == c.ReportedAt);
            if (!ok)
            {
                failures.Add($"{c.Field.Path} = {c.Value}: {code} {result.Failure?.Message}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        // Most values inside the ranges are answered (the rest break a rule across fields, e.g. expenses above income).
        Assert.True(answered > Fields.Length, $"only {answered} of {Fields.Length * 2} values inside the ranges answered");
    }
}
