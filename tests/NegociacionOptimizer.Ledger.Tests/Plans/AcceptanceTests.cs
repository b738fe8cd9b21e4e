using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Ledger.Tests.Support;

namespace NegociacionOptimizer.Ledger.Tests.Plans;

public sealed class AcceptanceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task An_accepted_offer_becomes_an_active_plan_with_its_down_payment_and_installments(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        await ledger.RecordOffersAsync(SampleOffers.Set("acct", SampleOffers.Plan("p3", installments: 3, down: 10_000)));

        var answer = await ledger.AcceptAsync(new Acceptance("p3", "sig-p3", "key-1", "agent"));

        Assert.Equal(LedgerRefusal.None, answer.Refusal);
        var plan = answer.Plan!;
        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal("acct", plan.AccountRef);
        Assert.Equal([0, 1, 2, 3], plan.Schedule.Select(i => i.Number));
        Assert.Equal(SampleOffers.AsOf, plan.Schedule[0].DueDate);
        Assert.Equal(10_000, plan.Schedule[0].AmountMinor);
        Assert.Equal(160_000, plan.TotalToPayMinor);
        Assert.Equal(0, plan.NextDue!.Number);
        Assert.Equivalent(plan, ledger.GetPlan(plan.PlanId), strict: true);
        Assert.Equal([plan.PlanId], ledger.ListPlans("acct").Select(p => p.PlanId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_retry_with_the_same_key_gets_the_same_plan_and_records_nothing_new(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        await ledger.RecordOffersAsync(SampleOffers.Set("acct", SampleOffers.Plan("p3")));

        var first = await ledger.AcceptAsync(new Acceptance("p3", "sig-p3", "key-1", "agent"));
        var retry = await ledger.AcceptAsync(new Acceptance("p3", "sig-p3", "key-1", "agent"));

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equivalent(first.Plan, retry.Plan, strict: true);
        Assert.Single(ledger.ListPlans("acct"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task An_offer_is_refused_when_unrecorded_already_accepted_or_its_key_served_another_call(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());
        await ledger.RecordOffersAsync(SampleOffers.Set("acct", SampleOffers.Plan("p3")));
        await ledger.RecordOffersAsync(SampleOffers.Set("other", SampleOffers.Plan("q1")));
        await ledger.AcceptAsync(new Acceptance("p3", "sig-p3", "key-1", "agent"));

        Assert.Equal(LedgerRefusal.OfferNotRecorded, (await ledger.AcceptAsync(new Acceptance("p3", "sig-forged", "key-2", "agent"))).Refusal);
        Assert.Equal(LedgerRefusal.AlreadyAccepted, (await ledger.AcceptAsync(new Acceptance("p3", "sig-p3", "key-3", "agent"))).Refusal);
        Assert.Equal(LedgerRefusal.KeyReused, (await ledger.AcceptAsync(new Acceptance("q1", "sig-q1", "key-1", "agent"))).Refusal);
        Assert.Empty(ledger.ListPlans("other"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task An_offer_is_superseded_by_a_sibling_accepted_or_by_newer_offers_to_the_account(string backend)
    {
        var time = new FakeTimeProvider();
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), time);
        await ledger.RecordOffersAsync(SampleOffers.Set("a1", SampleOffers.Plan("a-plan"), SampleOffers.Settlement("a-settle")));
        await ledger.AcceptAsync(new Acceptance("a-plan", "sig-a-plan", "k1", "agent"));
        Assert.Equal(LedgerRefusal.Superseded, (await ledger.AcceptAsync(new Acceptance("a-settle", "sig-a-settle", "k2", "agent"))).Refusal);

        await ledger.RecordOffersAsync(SampleOffers.Set("a2", SampleOffers.Plan("old")));
        time.Advance(TimeSpan.FromMinutes(5));
        await ledger.RecordOffersAsync(SampleOffers.Set("a2", SampleOffers.Plan("new")));
        Assert.Equal(LedgerRefusal.Superseded, (await ledger.AcceptAsync(new Acceptance("old", "sig-old", "k3", "agent"))).Refusal);
        Assert.Equal(LedgerRefusal.None, (await ledger.AcceptAsync(new Acceptance("new", "sig-new", "k4", "agent"))).Refusal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task The_same_offer_issued_again_stays_acceptable(string backend)
    {
        var time = new FakeTimeProvider();
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), time);
        await ledger.RecordOffersAsync(SampleOffers.Set("a3", SampleOffers.Plan("same")));
        time.Advance(TimeSpan.FromMinutes(5));
        await ledger.RecordOffersAsync(SampleOffers.Set("a3", SampleOffers.Plan("same")));

        Assert.Equal(LedgerRefusal.None, (await ledger.AcceptAsync(new Acceptance("same", "sig-same", "k", "agent"))).Refusal);
    }
}
