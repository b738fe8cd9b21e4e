using Google.Rpc;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Tests.Support;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

public sealed class PlanServiceTests(LedgerServerFixture fixture) : IClassFixture<LedgerServerFixture>
{
    private PlanService.PlanServiceClient Plans => fixture.Server.Plans;

    [Fact]
    public async Task An_accepted_offer_is_an_active_plan_with_the_offers_schedule_and_a_retry_gets_it_again()
    {
        var offers = await OffersFor("acct-accept");
        var offer = offers.First(o => o.Installments > 0);

        var plan = (await fixture.Server.Client.AcceptAsync(offer, "accept-1")).Response!.Plan;
        var retry = await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "accept-1", Offer = offer });

        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal(offer.OfferId, plan.OfferId);
        Assert.Equal(offer.Installments, plan.Installments);
        Assert.Equal(offer.TotalToPayMinor, plan.TotalToPayMinor);
        Assert.Equal(offer.Schedule.Select(p => (p.Number, p.DueDate, p.AmountMinor)),
            plan.Schedule.Where(p => p.Number > 0).Select(p => (p.Number, p.DueDate, p.AmountMinor)));
        Assert.Equal(offer.DownPaymentMinor > 0, plan.Schedule[0].Number == 0);
        Assert.Equal(plan.Schedule[0], plan.NextDue);
        Assert.StartsWith("Plan vigente", plan.Summary, StringComparison.Ordinal);
        Assert.True(retry.Replayed);
        Assert.Equal(plan.PlanId, retry.Plan.PlanId);
    }

    [Fact]
    public async Task An_acceptable_proposal_s_offer_can_be_accepted_and_the_offers_generated_before_it_are_then_superseded()
    {
        var proposal = OfferClient.ReadJson<EvaluateProposalRequest>(Requests.Sample("proposal-acceptable.json"));
        proposal.Account.AccountId = "acct-proposal";
        var generate = Requests.Valid();
        generate.Account = proposal.Account;
        generate.Inquiry = proposal.Inquiry;
        var generated = (await fixture.Server.Client.Offers.GenerateOffersAsync(generate)).Offers;
        var evaluated = await fixture.Server.Client.Offers.EvaluateProposalAsync(proposal);
        Assert.Equal(Verdict.Acceptable, evaluated.Verdict);

        var plan = (await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "proposal-1", Offer = evaluated.AcceptedOffer })).Plan;

        Assert.Equal(evaluated.AcceptedOffer.OfferId, plan.OfferId);
        Assert.Equal("OFFER_SUPERSEDED", Violation(await Refused(new AcceptOfferRequest { IdempotencyKey = "proposal-2", Offer = generated[0] })).Type);
    }

    [Fact]
    public async Task A_changed_offer_is_refused_as_altered_and_nothing_is_recorded()
    {
        var offer = (await OffersFor("acct-altered")).First(o => o.Installments > 0);
        offer.InstallmentMinor -= 100;

        var e = await Assert.ThrowsAsync<RpcException>(() => Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "k-altered", Offer = offer }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal("OFFER_ALTERED", Violation(e).Type);
        Assert.Empty((await Plans.ListPlansAsync(new ListPlansRequest { AccountId = "acct-altered" })).Plans);
    }

    [Fact]
    public async Task An_offer_accepted_twice_a_sibling_after_it_and_a_key_used_for_another_call_are_refused_with_their_reasons()
    {
        var offers = await OffersFor("acct-twice");
        Assert.True(offers.Count >= 2);
        await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "twice-1", Offer = offers[0] });

        var again = await Refused(new AcceptOfferRequest { IdempotencyKey = "twice-2", Offer = offers[0] });
        var sibling = await Refused(new AcceptOfferRequest { IdempotencyKey = "twice-3", Offer = offers[1] });
        var reused = await Refused(new AcceptOfferRequest { IdempotencyKey = "twice-1", Offer = offers[1] });

        Assert.Equal("OFFER_ALREADY_ACCEPTED", Violation(again).Type);
        Assert.Equal("OFFER_SUPERSEDED", Violation(sibling).Type);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", Violation(reused).Type);
        Assert.Single((await Plans.ListPlansAsync(new ListPlansRequest { AccountId = "acct-twice" })).Plans);
    }

    [Fact]
    public async Task Offers_generated_again_for_the_account_supersede_the_earlier_ones()
    {
        var first = await OffersFor("acct-newer");
        var request = Requests.Valid();
        request.Account.AccountId = "acct-newer";
        request.Inquiry.LumpSumAvailableMinor += 5_000_000;
        var newer = (await fixture.Server.Client.Offers.GenerateOffersAsync(request)).Offers;
        var stale = first.First(o => newer.All(n => n.OfferId != o.OfferId));

        Assert.Equal("OFFER_SUPERSEDED", Violation(await Refused(new AcceptOfferRequest { IdempotencyKey = "newer-1", Offer = stale })).Type);
        Assert.Equal(PlanStatus.Active, (await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "newer-2", Offer = newer[0] })).Plan.Status);
    }

    [Fact]
    public async Task Payments_made_late_partly_and_missed_show_what_is_due_next_and_paying_everything_completes_the_plan()
    {
        var offer = (await OffersFor("acct-pay")).Where(o => o.Installments > 0).OrderBy(o => o.Installments).First();
        var plan = (await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "pay-accept", Offer = offer })).Plan;

        var key = 0;
        foreach (var payment in plan.Schedule)
        {
            var half = payment.AmountMinor / 2;
            await Pay(plan.PlanId, payment.Number, payment.DueDate, half, $"pay-{key++}");
            var late = DateOnly.Parse(payment.DueDate, System.Globalization.CultureInfo.InvariantCulture).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            plan = (await Pay(plan.PlanId, payment.Number, late, payment.AmountMinor - half, $"pay-{key++}")).Plan;
            Assert.Equal(2, plan.Schedule.Single(p => p.Number == payment.Number).DaysLate);
        }

        Assert.Equal(PlanStatus.Completed, plan.Status);
        Assert.Null(plan.NextDue);
        Assert.Equal(plan.TotalToPayMinor, plan.PaidMinor);
        Assert.Equal("PLAN_CLOSED", Violation(await Assert.ThrowsAsync<RpcException>(() =>
            Pay(plan.PlanId, plan.Schedule[^1].Number, plan.Schedule[^1].DueDate, 1, "pay-after"))).Type);
    }

    [Fact]
    public async Task A_missed_installment_moves_what_is_due_next_and_a_broken_plan_takes_no_more_reports()
    {
        var offer = (await OffersFor("acct-break")).First(o => o.Installments >= 2);
        var plan = (await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "break-accept", Offer = offer })).Plan;
        var first = plan.Schedule.First(p => p.Number == 1);
        foreach (var p in plan.Schedule.Where(p => p.Number == 0))
        {
            await Pay(plan.PlanId, 0, p.DueDate, p.AmountMinor, "break-down");
        }

        var missed = (await Plans.RecordPaymentAsync(new RecordPaymentRequest
        {
            IdempotencyKey = "break-miss", PlanId = plan.PlanId, Installment = 1, Outcome = PaymentOutcome.Missed, OnDate = first.DueDate,
        })).Plan;
        var broken = (await Plans.ReportBreakAsync(new ReportBreakRequest { IdempotencyKey = "break-1", PlanId = plan.PlanId, BrokeOn = first.DueDate })).Plan;

        Assert.Equal(PaymentState.Missed, missed.Schedule.Single(p => p.Number == 1).State);
        Assert.Equal(2, missed.NextDue.Number);
        Assert.Equal(PlanStatus.Broken, broken.Status);
        Assert.Equal(first.DueDate, broken.ClosedOn);
        Assert.Null(broken.NextDue);
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            Plans.ReportBreakAsync(new ReportBreakRequest { IdempotencyKey = "break-2", PlanId = plan.PlanId, BrokeOn = first.DueDate, Language = "en" }).ResponseAsync);
        Assert.Equal("PLAN_CLOSED", Violation(e).Type);
        Assert.StartsWith("The plan is closed", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_are_listed_by_the_accounts_own_id_under_its_keyed_reference_never_the_id()
    {
        var offers = await OffersFor("ACCT-LIST-77");
        await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "list-1", Offer = offers[0] });

        var listed = await Plans.ListPlansAsync(new ListPlansRequest { AccountId = "ACCT-LIST-77" });

        var plan = Assert.Single(listed.Plans);
        Assert.Equal(listed.AccountRef, plan.AccountRef);
        Assert.DoesNotContain("ACCT-LIST-77", listed.AccountRef, StringComparison.Ordinal);
        Assert.Equal(plan, (await Plans.GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId })).Plan);
        Assert.Empty((await Plans.ListPlansAsync(new ListPlansRequest { AccountId = "ACCT-NONE" })).Plans);
    }

    [Fact]
    public async Task A_bad_payment_report_lists_every_field_violation()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Plans.RecordPaymentAsync(new RecordPaymentRequest
        {
            IdempotencyKey = "bad key!", PlanId = "", Installment = -1, Outcome = PaymentOutcome.Unspecified, OnDate = "2026-13-01",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var fields = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["idempotency_key", "plan_id", "installment", "on_date", "outcome"], fields);
    }

    [Fact]
    public async Task A_payment_number_the_plan_lacks_is_invalid_and_an_unknown_plan_is_not_found()
    {
        var offer = (await OffersFor("acct-range")).First(o => o.Installments > 0);
        var plan = (await Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "range-accept", Offer = offer })).Plan;

        var beyond = await Assert.ThrowsAsync<RpcException>(() => Pay(plan.PlanId, offer.Installments + 1, "2026-12-01", 100, "range-1"));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Plans.GetPlanAsync(new GetPlanRequest { PlanId = "plan-0000" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, beyond.StatusCode);
        Assert.Equal("installment", Assert.Single(beyond.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No hay un plan con ese identificador.", unknown.Status.Detail);
    }

    private async Task<IReadOnlyList<Offer>> OffersFor(string accountId)
    {
        var request = Requests.Valid();
        request.Account.AccountId = accountId;
        var response = await fixture.Server.Client.Offers.GenerateOffersAsync(request);
        Assert.NotEmpty(response.Offers);
        return response.Offers;
    }

    private async Task<RpcException> Refused(AcceptOfferRequest request) =>
        await Assert.ThrowsAsync<RpcException>(() => Plans.AcceptOfferAsync(request).ResponseAsync);

    private Task<PlanResponse> Pay(string planId, int number, string on, long amount, string key) =>
        Plans.RecordPaymentAsync(new RecordPaymentRequest
        {
            IdempotencyKey = key, PlanId = planId, Installment = number, Outcome = PaymentOutcome.Paid, OnDate = on, AmountMinor = amount,
        }).ResponseAsync;

    private static PreconditionFailure.Types.Violation Violation(RpcException e)
    {
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        return Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
    }
}
