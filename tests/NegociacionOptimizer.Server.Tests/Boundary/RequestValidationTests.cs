using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Boundary;

public class RequestValidationTests
{
    private readonly RequestValidator _validator = new(new PolicyStore());

    private IReadOnlyList<FieldViolation> Problems(Action<GenerateOffersRequest> change)
    {
        var request = Requests.Valid();
        change(request);
        return _validator.Validate(request);
    }

    private static FieldViolation Single(IReadOnlyList<FieldViolation> problems, string field) =>
        Assert.Single(problems, p => p.Field == field);

    [Fact]
    public void A_complete_request_has_no_problem() => Assert.Empty(_validator.Validate(Requests.Valid()));

    [Fact]
    public void Every_problem_of_the_bad_sample_is_listed_at_once()
    {
        var problems = _validator.Validate(Requests.FromFile("bad-request.json"));
        var fields = problems.Select(p => p.Field).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "account.currency", "account.principal_minor", "account.as_of", "inquiry", "inquiry.pay_day.day_of_month",
                "inquiry.reason", "language", "offer_count",
            },
            fields);
    }

    [Fact]
    public void Pay_day_32_names_the_field_and_the_allowed_range()
    {
        var problem = Single(Problems(r => r.Inquiry.PayDay = new PayDay { DayOfMonth = 32 }), "inquiry.pay_day.day_of_month");
        Assert.Equal("must be between 1 and 31; got 32", problem.Description);
        Assert.Single(Problems(r => r.Inquiry.PayDay = new PayDay { DayOfMonth = 0 }), p => p.Field == "inquiry.pay_day.day_of_month");
    }

    [Fact]
    public void A_weekday_pay_day_for_a_monthly_earner_is_allowed() =>
        Assert.Empty(Problems(r => r.Inquiry.PayDay = new PayDay { Weekday = Weekday.Friday }));

    [Fact]
    public void Unspecified_and_unknown_enum_values_are_rejected()
    {
        Assert.Contains("is required", Single(Problems(r => r.Inquiry.Reason = Reason.Unspecified), "inquiry.reason").Description, StringComparison.Ordinal);
        Assert.Contains("unknown value 99", Single(Problems(r => r.Inquiry.Reason = (Reason)99), "inquiry.reason").Description, StringComparison.Ordinal);
        Single(Problems(r => r.Inquiry.IncomeFrequency = (Frequency)7), "inquiry.income_frequency");
        Single(Problems(r => r.Inquiry.PayDay = new PayDay { Weekday = Weekday.Unspecified }), "inquiry.pay_day.weekday");
    }

    [Fact]
    public void Negative_and_absurd_amounts_are_rejected()
    {
        var problems = Problems(r =>
        {
            r.Account.FeesMinor = -1;
            r.Inquiry.LumpSumAvailableMinor = 2_000_000_000_000_000;
        });
        Single(problems, "account.fees_minor");
        Single(problems, "inquiry.lump_sum_available_minor");
    }

    [Fact]
    public void A_zero_balance_is_rejected_on_the_account()
    {
        var problem = Single(Problems(r => r.Account.PrincipalMinor = r.Account.InterestMinor = r.Account.FeesMinor = 0), "account");
        Assert.Contains("balance", problem.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("20/11/2026")]
    public void As_of_must_be_an_iso_date_in_range(string asOf) => Single(Problems(r => r.Account.AsOf = asOf), "account.as_of");

    [Fact]
    public void Without_income_or_stated_capacity_the_inquiry_is_rejected()
    {
        var problem = Single(Problems(r =>
        {
            r.Inquiry.ClearMonthlyIncomeMinor();
            r.Inquiry.ClearMonthlyEssentialExpensesMinor();
            r.Inquiry.ClearMonthlyOtherDebtPaymentsMinor();
        }), "inquiry");
        Assert.Contains("stated_monthly_capacity_minor", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Income_without_room_and_no_stated_capacity_is_rejected_but_a_stated_capacity_rescues_it()
    {
        Single(Problems(r => r.Inquiry.MonthlyEssentialExpensesMinor = 400_000_000), "inquiry.monthly_income_minor");
        Assert.Empty(Problems(r =>
        {
            r.Inquiry.MonthlyEssentialExpensesMinor = 400_000_000;
            r.Inquiry.StatedMonthlyCapacityMinor = 10_000_000;
        }));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("EN")]
    [InlineData("es-ES")]
    public void Unsupported_languages_are_rejected(string language) => Single(Problems(r => r.Language = language), "language");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Offer_count_outside_1_to_10_is_rejected(int count) => Single(Problems(r => r.OfferCount = count), "offer_count");

    [Fact]
    public void An_unknown_policy_id_is_rejected() =>
        Assert.Contains("unknown policy", Single(Problems(r => r.PolicyId = "aggressive"), "policy_id").Description, StringComparison.Ordinal);

    [Fact]
    public void A_request_in_another_currency_than_the_named_policy_is_rejected() =>
        Single(Problems(r => r.Account.Currency = "ARS"), "account.currency");

    [Fact]
    public void An_inline_policy_in_another_currency_or_an_unsupported_country_is_rejected()
    {
        var problems = Problems(r => r.Policy = new Api.V1.Policy { Currency = "ARS", Country = "BR" });
        Single(problems, "policy.currency");
        Single(problems, "policy.country");
    }

    [Fact]
    public void An_infeasible_but_valid_request_is_not_a_validation_error() =>
        Assert.Empty(Problems(r => r.Policy = new Api.V1.Policy { MinInstallmentMinor = 900_000_000 }));

    [Fact]
    public void A_principal_matrix_that_grows_with_the_term_names_the_cell()
    {
        var matrix = new PrincipalDiscountMatrix { DaysPastDueFrom = { 0, 91 } };
        matrix.Tiers.Add(new DiscountTier { MaxInstallments = 0, PrincipalCapBp = { 1000, 2000 } });
        matrix.Tiers.Add(new DiscountTier { MaxInstallments = 6, PrincipalCapBp = { 1500, 1500 } });
        var problem = Single(Problems(r => r.Policy = new Api.V1.Policy { PrincipalDiscount = matrix }), "policy.principal_discount.tiers[1].principal_cap_bp[0]");
        Assert.Contains("must not increase with the term", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_shape_problems_are_all_reported()
    {
        var matrix = new PrincipalDiscountMatrix { DaysPastDueFrom = { 10, 5 } };
        matrix.Tiers.Add(new DiscountTier { MaxInstallments = 6, PrincipalCapBp = { 3000, 2000 } });
        matrix.Tiers.Add(new DiscountTier { MaxInstallments = 3, PrincipalCapBp = { 1000 } });
        var problems = Problems(r => r.Policy = new Api.V1.Policy { PrincipalDiscount = matrix });
        Single(problems, "policy.principal_discount.days_past_due_from[0]");
        Single(problems, "policy.principal_discount.days_past_due_from[1]");
        Single(problems, "policy.principal_discount.tiers[0].principal_cap_bp[1]");
        Single(problems, "policy.principal_discount.tiers[1].max_installments");
        Single(problems, "policy.principal_discount.tiers[1].principal_cap_bp");
    }

    [Fact]
    public void Hazard_buckets_must_start_at_zero_and_ascend()
    {
        var behaviour = new BehaviourModel();
        behaviour.Hazard.Add(new HazardBucket { BurdenFromBp = 500, MonthlyHazard = 0.01 });
        behaviour.Hazard.Add(new HazardBucket { BurdenFromBp = 400, MonthlyHazard = 0.99 });
        behaviour.ReasonMultipliers.Add(new ReasonMultiplier { Reason = Reason.Unspecified, Multiplier = 50 });
        var problems = Problems(r => r.Policy = new Api.V1.Policy { Behaviour = behaviour });
        Single(problems, "policy.behaviour.hazard[0].burden_from_bp");
        Single(problems, "policy.behaviour.hazard[1].burden_from_bp");
        Single(problems, "policy.behaviour.hazard[1].monthly_hazard");
        Single(problems, "policy.behaviour.reason_multipliers[0].reason");
        Single(problems, "policy.behaviour.reason_multipliers[0].multiplier");
    }

    [Fact]
    public void Policy_ranges_are_checked_field_by_field()
    {
        var problems = Problems(r => r.Policy = new Api.V1.Policy
        {
            MaxTermMonths = 0,
            MaxGracePeriods = 13,
            RoundingUnitMinor = 0,
            CompanyWeightBp = 10_000,
            OfferCount = 11,
            SolveTimeLimitMs = 10,
            AllowedFrequencies = { Frequency.Monthly, Frequency.Monthly },
        });
        foreach (var field in new[]
        {
            "policy.max_term_months", "policy.max_grace_periods", "policy.rounding_unit_minor", "policy.company_weight_bp",
            "policy.offer_count", "policy.solve_time_limit_ms", "policy.allowed_frequencies[1]",
        })
        {
            Single(problems, field);
        }
    }

    [Fact]
    public void A_proposal_with_both_discount_forms_and_a_past_first_due_date_is_rejected()
    {
        var valid = Requests.Valid();
        var request = new EvaluateProposalRequest
        {
            Account = valid.Account,
            Inquiry = valid.Inquiry,
            Proposal = new Proposal { DiscountMinor = 1_000, DiscountBp = 100, FirstDueDate = "2026-11-01", Installments = 6 },
        };
        var problems = _validator.Validate(request);
        Single(problems, "proposal.discount_bp");
        Single(problems, "proposal.first_due_date");
    }

    [Fact]
    public void A_stream_item_reports_its_fields_under_request()
    {
        var request = Requests.Valid();
        request.Inquiry.PayDay = new PayDay { DayOfMonth = 40 };
        var problems = _validator.Validate(new StreamOffersRequest { ItemId = "x", Request = request });
        Single(problems, "request.inquiry.pay_day.day_of_month");
    }

    [Fact]
    public void A_balance_above_the_engine_limit_is_rejected_on_the_account()
    {
        var problem = Single(Problems(r => r.Account.PrincipalMinor = 200_000_000_000), "account");
        Assert.Contains("between 1 and 100000000000", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_principal_discount_matrix_without_tiers_is_rejected()
    {
        var problem = Single(Problems(r => r.Policy = new Api.V1.Policy
        {
            PrincipalDiscount = new PrincipalDiscountMatrix { DaysPastDueFrom = { 0 } },
        }), "policy.principal_discount.tiers");
        Assert.Contains("at least one tier", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_lists_longer_than_the_limit_are_rejected()
    {
        var problems = Problems(r =>
        {
            r.Policy = new Api.V1.Policy();
            for (var i = 0; i < 40; i++)
            {
                r.Policy.NominalAnnualRate.Add(new RateTier { UpToMonths = i + 1, NominalAnnualRateBp = 100 });
            }
        });
        Assert.Contains("at most 32 entries", Single(problems, "policy.nominal_annual_rate").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_installment_above_every_capacity_is_valid_input_left_to_the_engine() =>
        Assert.Empty(Problems(r => r.Policy = new Api.V1.Policy { MinInstallmentMinor = 1_000_000_000_000_000 }));
}
