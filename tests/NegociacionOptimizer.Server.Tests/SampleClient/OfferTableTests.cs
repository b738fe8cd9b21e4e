using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;

namespace NegociacionOptimizer.Server.Tests.SampleClient;

/// <summary>The sample client's offer table, from hand-built responses (no server).</summary>
public sealed class OfferTableTests
{
    [Fact]
    public void A_plan_shows_its_status_summary_and_each_payment_with_what_was_paid()
    {
        var plan = new Plan
        {
            PlanId = "plan-1", OfferId = "offer-1", Status = PlanStatus.Active, Currency = "COP", Summary = "Plan active: …",
            Policy = new PolicyRef { PolicyId = "default", Version = 1 },
            Schedule =
            {
                new PlanPayment { Number = 0, DueDate = "2026-11-20", AmountMinor = 10_000_00, PaidMinor = 10_000_00, State = PaymentState.Paid },
                new PlanPayment { Number = 1, DueDate = "2026-12-10", AmountMinor = 45_000_00, PaidMinor = 20_000_00, State = PaymentState.Partial, DaysLate = 3 },
            },
        };

        var lines = OfferTable.Render(plan).Split('\n');

        Assert.StartsWith("plan plan-1 (Active), offer offer-1, policy default v1", lines[0], StringComparison.Ordinal);
        Assert.Equal("Plan active: …", lines[1].TrimEnd());
        var partial = Array.Find(lines, l => l.Contains("2026-12-10", StringComparison.Ordinal))!;
        Assert.Contains("Partial", partial, StringComparison.Ordinal);
        Assert.EndsWith("3", partial.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_offer_shows_when_it_starts_today_for_a_settlement_else_its_first_due_date()
    {
        var response = new GenerateOffersResponse
        {
            Outcome = Outcome.Offers,
            Currency = "COP",
            Summary = "3 offers",
            Offers =
            {
                Plan(rank: 1, OfferKind.DeferredPlan, grace: 2, "2026-05-05", "2026-06-05"),
                Plan(rank: 2, OfferKind.Plan, grace: 0, "2026-03-05", "2026-04-06"),
                new Offer { Rank = 3, LadderPosition = 1, Kind = OfferKind.Settlement, Currency = "COP", DownPaymentMinor = 90_000_00, Discount = new DiscountBreakdown() },
            },
        };

        var lines = OfferTable.Render(response).Split('\n');

        var header = Array.Find(lines, l => l.Contains("#  kind", StringComparison.Ordinal))!;
        var startsColumn = header.IndexOf("starts", StringComparison.Ordinal);
        Assert.True(startsColumn > 0);
        Assert.Equal("2026-05-05", Cell(lines, "1  deferred +2", startsColumn));
        Assert.Equal("2026-03-05", Cell(lines, "2  plan", startsColumn));
        Assert.Equal(OfferTable.Today, Cell(lines, "3  settlement", startsColumn));
    }

    private static string Cell(string[] lines, string rowStart, int column) =>
        Array.Find(lines, l => l.StartsWith(rowStart, StringComparison.Ordinal))![column..].Split("  ")[0];

    private static Offer Plan(int rank, OfferKind kind, int grace, params string[] dueDates)
    {
        var offer = new Offer
        {
            Rank = rank,
            LadderPosition = rank + 1,
            Kind = kind,
            Currency = "COP",
            Frequency = Frequency.Monthly,
            Installments = dueDates.Length,
            GracePeriods = grace,
            InstallmentMinor = 50_000_00,
            Discount = new DiscountBreakdown(),
        };
        offer.Schedule.AddRange(dueDates.Select((date, i) => new ScheduledPayment { Number = i + 1, DueDate = date, AmountMinor = 50_000_00 }));
        return offer;
    }
}
