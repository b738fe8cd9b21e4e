using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Ledger.Tests.Support;

namespace NegociacionOptimizer.Ledger.Tests.Plans;

public sealed class OutcomeTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task Paying_every_payment_completes_the_plan_and_late_ones_count_their_days(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        var plan = await Accepted(ledger, SampleOffers.Plan("p2", installments: 2, down: 10_000, installment: 50_000));

        await Pay(ledger, plan, 0, SampleOffers.AsOf, 10_000, "k0");
        var partial = await Pay(ledger, plan, 1, plan.Schedule[1].DueDate, 20_000, "k1a");
        Assert.Equal(InstallmentState.Partial, partial.Plan!.Schedule[1].State);
        Assert.Equal(1, partial.Plan.NextDue!.Number);
        var late = await Pay(ledger, plan, 1, plan.Schedule[1].DueDate.AddDays(3), 30_000, "k1b");
        Assert.Equal(InstallmentState.Paid, late.Plan!.Schedule[1].State);
        Assert.Equal(3, late.Plan.Schedule[1].DaysLate);
        var last = await Pay(ledger, plan, 2, plan.Schedule[2].DueDate, 50_000, "k2");

        Assert.Equal(PlanStatus.Completed, last.Plan!.Status);
        Assert.Equal(plan.Schedule[2].DueDate, last.Plan.ClosedOn);
        Assert.Null(last.Plan.NextDue);
        Assert.Equal(110_000, last.Plan.PaidMinor);
        var outcome = Assert.Single(ledger.Outcomes());
        Assert.Equal(new PlanOutcome(0.25, "REASON_JOB_LOSS", "FREQUENCY_MONTHLY", 0, 2, 2, true, null), outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_retried_payment_is_recorded_once(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        var plan = await Accepted(ledger, SampleOffers.Plan("p2", installments: 2, down: 0, installment: 50_000));

        await Pay(ledger, plan, 1, plan.Schedule[0].DueDate, 20_000, "same-key");
        var retry = await Pay(ledger, plan, 1, plan.Schedule[0].DueDate, 20_000, "same-key");

        Assert.True(retry.Replayed);
        Assert.Equal(20_000, ledger.GetPlan(plan.PlanId)!.Schedule[0].PaidMinor);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_plan_broken_after_a_missed_installment_is_an_outcome_with_what_was_paid(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        var plan = await Accepted(ledger, SampleOffers.Plan("p4", installments: 4, down: 0));
        await Pay(ledger, plan, 1, plan.Schedule[0].DueDate, 50_000, "k1");
        var missed = await ledger.RecordPaymentAsync(new PaymentReport(plan.PlanId, 2, PaymentOutcome.Missed, plan.Schedule[1].DueDate, 0, "k2", "agent"));
        Assert.Equal(InstallmentState.Missed, missed.Plan!.Schedule[1].State);
        Assert.Equal(3, missed.Plan.NextDue!.Number);

        var broken = await ledger.RecordBreakAsync(new BreakReport(plan.PlanId, plan.Schedule[2].DueDate, "k3", "agent"));

        Assert.Equal(PlanStatus.Broken, broken.Plan!.Status);
        Assert.Equal(new PlanOutcome(0.25, "REASON_JOB_LOSS", "FREQUENCY_MONTHLY", 0, 4, 1, false, null), Assert.Single(ledger.Outcomes()));
        Assert.Equal(LedgerRefusal.PlanClosed, (await Pay(ledger, plan, 3, plan.Schedule[2].DueDate, 50_000, "k4")).Refusal);
        Assert.Equal(LedgerRefusal.PlanClosed, (await ledger.RecordBreakAsync(new BreakReport(plan.PlanId, plan.Schedule[2].DueDate, "k5", "agent"))).Refusal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_plan_broken_before_its_first_installment_without_grace_broke_in_period_one(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        var plan = await Accepted(ledger, SampleOffers.Plan("p5", installments: 5, down: 0));
        await ledger.RecordBreakAsync(new BreakReport(plan.PlanId, SampleOffers.AsOf.AddDays(40), "k", "agent"));

        Assert.Equal(1, Assert.Single(ledger.Outcomes()).BrokeInPeriod);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task Payments_to_unknown_plans_missing_installments_or_paid_ones_are_refused(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        var plan = await Accepted(ledger, SampleOffers.Plan("p2", installments: 2, down: 0));
        await Pay(ledger, plan, 1, plan.Schedule[0].DueDate, 50_000, "k1");

        Assert.Equal(LedgerRefusal.PlanNotFound, (await ledger.RecordPaymentAsync(
            new PaymentReport("plan-none", 1, PaymentOutcome.Paid, SampleOffers.AsOf, 1, "k2", "agent"))).Refusal);
        Assert.Equal(LedgerRefusal.NoSuchInstallment, (await Pay(ledger, plan, 0, SampleOffers.AsOf, 1, "k3")).Refusal);
        Assert.Equal(LedgerRefusal.NoSuchInstallment, (await Pay(ledger, plan, 3, SampleOffers.AsOf, 1, "k4")).Refusal);
        Assert.Equal(LedgerRefusal.AlreadyPaid, (await Pay(ledger, plan, 1, SampleOffers.AsOf, 1, "k5")).Refusal);
        Assert.Empty(ledger.Outcomes());
    }

    private static async Task<PlanRecord> Accepted(SqlLedger ledger, IssuedOffer offer)
    {
        await ledger.RecordOffersAsync(SampleOffers.Set("acct-" + offer.OfferId, offer));
        return (await ledger.AcceptAsync(new Acceptance(offer.OfferId, offer.Signature, "accept-" + offer.OfferId, "agent"))).Plan!;
    }

    private static Task<LedgerAnswer> Pay(SqlLedger ledger, PlanRecord plan, int number, DateOnly on, long amount, string key) =>
        ledger.RecordPaymentAsync(new PaymentReport(plan.PlanId, number, PaymentOutcome.Paid, on, amount, key, "agent"));
}
