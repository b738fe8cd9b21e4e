using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Server.Tests.Support;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Tests.Boundary;

public class MappingTests
{
    [Fact]
    public void Unset_income_frequency_and_pay_day_default_to_monthly_on_day_1()
    {
        var inquiry = Requests.Valid().Inquiry;
        inquiry.IncomeFrequency = Frequency.Unspecified;
        inquiry.PayDay = null;
        var mapped = ToDomain.Inquiry(inquiry);
        Assert.Equal(D.Accounts.Frequency.Monthly, mapped.IncomeFrequency);
        Assert.Equal(D.Accounts.PayDay.OfMonth(1), mapped.PayDay);
    }

    [Theory]
    [InlineData(Frequency.Weekly)]
    [InlineData(Frequency.Biweekly)]
    public void Weekly_and_biweekly_earners_default_to_friday(Frequency frequency)
    {
        var inquiry = Requests.Valid().Inquiry;
        inquiry.IncomeFrequency = frequency;
        inquiry.PayDay = null;
        Assert.Equal(D.Accounts.PayDay.OnWeekday(DayOfWeek.Friday), ToDomain.Inquiry(inquiry).PayDay);
    }

    [Fact]
    public void Iso_weekdays_map_to_dotnet_weekdays()
    {
        Assert.Equal(DayOfWeek.Monday, ToDomain.Weekday(Weekday.Monday));
        Assert.Equal(DayOfWeek.Sunday, ToDomain.Weekday(Weekday.Sunday));
    }

    [Fact]
    public void An_inline_policy_takes_the_currency_defaults_for_every_unset_field()
    {
        var policy = ToDomain.Policy(new Api.V1.Policy { MaxTermMonths = 24, MinInstallmentMinor = 1_000_000 }, Currency.FromCode("ARS"));
        var defaults = PolicyDefaults.ForCurrency(Currency.FromCode("ARS"));
        Assert.Equal(24, policy.MaxTermMonths);
        Assert.Equal(1_000_000, policy.MinInstallmentMinor);
        Assert.Equal(defaults.RoundingUnitMinor, policy.RoundingUnitMinor);
        Assert.Equal(defaults.MaxBurdenBp, policy.MaxBurdenBp);
        Assert.Equal("ARS", policy.Currency.Code);
        Assert.Equal(PolicyDefaults.Country, policy.Country);
        Assert.Same(defaults.PrincipalDiscount, policy.PrincipalDiscount);
    }

    [Fact]
    public void The_built_in_policy_round_trips_through_its_explicit_message()
    {
        var message = PolicyToProto.Map(PolicyDefaults.BuiltIn);
        Assert.True(message.HasMinInstallmentMinor && message.HasSolveTimeLimitMs && message.HasCompanyWeightBp);
        Assert.Equal(3, message.AllowedFrequencies.Count);
        var again = PolicyToProto.Map(ToDomain.Policy(message, PolicyDefaults.BuiltIn.Currency));
        Assert.Equal(message, again);
    }

    [Fact]
    public void The_fingerprint_ignores_the_request_id_but_not_the_policy_version()
    {
        var a = Requests.Valid();
        var b = a.Clone();
        b.RequestId = "another";
        Assert.Equal(Fingerprints.Of(a, "default", 1), Fingerprints.Of(b, "default", 1));
        Assert.NotEqual(Fingerprints.Of(a, "default", 1), Fingerprints.Of(a, "default", 2));
        Assert.Equal(64, Fingerprints.Of(a, "default", 1).Length);
        Assert.Equal("test-1", a.RequestId);
    }

    [Fact]
    public void An_offer_carries_every_figure_of_its_plan()
    {
        var request = Requests.Valid();
        request.Inquiry.PayDay = new PayDay { DayOfMonth = 20 };
        var context = new NegotiationContext(
            ToDomain.Account(request.Account), ToDomain.Inquiry(request.Inquiry), PolicyDefaults.BuiltIn,
            BusinessCalendars.TryGet("CO", out var calendar) ? calendar : throw new InvalidOperationException());
        var terms = new PlanTerms(10_000_000, 5_000_000, D.Accounts.Frequency.Monthly, 12, 1);
        var plan = PlanEvaluator.Evaluate(context, terms);
        var policyRef = new PolicyRef { PolicyId = "default", Version = 1, Arm = "champion" };
        var offer = ToProto.Offer(plan, "abc", 1, 2, true, TermClass.Of(terms.Structure), [], context, policyRef, Language.Spanish);

        Assert.Equal(OfferKind.DeferredPlan, offer.Kind);
        Assert.Equal(12, offer.Schedule.Count);
        Assert.Equal(0, offer.Schedule[^1].RemainingBalanceMinor);
        Assert.Equal("2027-01-20", offer.Schedule[0].DueDate);
        Assert.Equal(plan.InstallmentMinor, offer.InstallmentMinor);
        Assert.Equal(5_000_000, offer.Discount.TotalMinor);
        Assert.Equal(BasisPoints.ShareOf(5_000_000, 215_000_000).Value, offer.Discount.ShareOfBalanceBp);
        Assert.Equal("2026-11-27", offer.ExpiresOn);
        Assert.Equal("monthly ≤ 12 months", offer.TermClass);
        Assert.Equal(policyRef, offer.Policy);
        Assert.InRange(offer.EffectiveAnnualCost, 0.01, 0.2552);
        Assert.StartsWith("Con un pago inicial de $ 100.000 hoy", offer.Script, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_codes_are_upper_snake_case()
    {
        Assert.Equal("STATED_CAPACITY", ToProto.Code(RuleCode.StatedCapacity));
        Assert.Equal("BURDEN", ToProto.Code(RuleCode.Burden));
    }
}
