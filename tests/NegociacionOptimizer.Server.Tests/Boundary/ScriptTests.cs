using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Server.Tests.Boundary;

public class ScriptTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private static readonly Currency Cop = Currency.FromCode("COP");

    private static NegotiationContext Context()
    {
        var account = new Account("A", Cop, 150_000_000, 0, 0, 160, AsOf);
        var inquiry = new Inquiry(500_000_000, 0, 0, null, 150_000_000, Frequency.Monthly, PayDay.OfMonth(5), Reason.Forgot);
        var policy = Policy.Create(PolicyDefaults.BuiltIn.ToDraft() with { NominalAnnualRate = [] });
        return new NegotiationContext(account, inquiry, policy, BusinessCalendars.TryGet("CO", out var c) ? c : throw new InvalidOperationException());
    }

    [Fact]
    public void A_plan_script_names_installments_amount_and_first_due_date()
    {
        var plan = PlanEvaluator.Evaluate(Context(), new PlanTerms(0, 0, Frequency.Monthly, 12, 0));
        Assert.Equal(12_500_000, plan.InstallmentMinor);
        Assert.Equal("Podemos cancelar su saldo en 12 cuotas mensuales de $ 125.000 a partir del 7 de diciembre.", Scripts.Offer(plan, AsOf, Cop, Language.Spanish));
        Assert.Equal("We can settle your balance in 12 monthly installments of $125,000 starting December 7.", Scripts.Offer(plan, AsOf, Cop, Language.English));
    }

    [Fact]
    public void A_settlement_script_names_the_single_payment_and_the_discount()
    {
        var plan = PlanEvaluator.Evaluate(Context(), PlanTerms.Settlement(150_000_000, 30_000_000));
        Assert.Equal("Puede cancelar su saldo hoy con un pago único de $ 1.200.000, con una quita de $ 300.000.", Scripts.Offer(plan, AsOf, Cop, Language.Spanish));
        Assert.Equal("You can settle your balance today with a single payment of $1,200,000, with a discount of $300,000.", Scripts.Offer(plan, AsOf, Cop, Language.English));
    }

    [Fact]
    public void The_summary_counts_the_offers_and_describes_the_first()
    {
        var plan = PlanEvaluator.Evaluate(Context(), new PlanTerms(0, 0, Frequency.Monthly, 12, 0));
        Assert.Equal("3 ofertas para un saldo de $ 1.500.000; la primera: 12 cuotas mensuales de $ 125.000.", Scripts.OffersSummary(3, 150_000_000, plan, Cop, Language.Spanish));
        Assert.Equal("1 offer for a balance of $1,500,000; the first: 12 monthly installments of $125,000.", Scripts.OffersSummary(1, 150_000_000, plan, Cop, Language.English));
    }
}
