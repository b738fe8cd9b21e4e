using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Tests.Support;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

public sealed class RestartTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_policy_whose_file_was_deleted_or_broken_while_the_server_was_down_is_served_from_the_ledger_and_said_so(string backend)
    {
        var ledger = TestDatabases.Fresh(backend);
        using var folder = new TempPolicyFolder();
        folder.Write(TempPolicyFolder.Policy("co-kept", 2));
        folder.Write(TempPolicyFolder.Policy("co-broken", 3));
        await using (await LedgerServer.StartAsync(ledger, policies: folder.Path))
        {
        }

        folder.Delete("co-kept.json");
        folder.WriteText("co-broken.json", "{ \"id\": \"co-broken\", ");
        await using var restarted = await LedgerServer.StartAsync(ledger, policies: folder.Path);

        var kept = await restarted.Client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "co-kept" });
        var broken = await restarted.Client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "co-broken" });
        Assert.Equal((2, PolicyStore.LedgerSource), (kept.Policy.Version, kept.Source));
        Assert.Equal((3, PolicyStore.LedgerSource), (broken.Policy.Version, broken.Source));
        Assert.Contains(restarted.Logs.Lines, l => l.Contains("Policy co-kept version 2 is served from the ledger", StringComparison.Ordinal));
        Assert.Contains(restarted.Logs.Lines, l => l.Contains("Policy co-broken version 3 is served from the ledger", StringComparison.Ordinal));
        var request = Requests.Valid();
        request.PolicyId = "co-kept";
        Assert.Equal(2, (await restarted.Client.Offers.GenerateOffersAsync(request)).Policy.Version);
    }

    [Fact]
    public async Task A_policy_file_deleted_while_the_server_runs_leaves_its_last_good_version_active()
    {
        using var folder = new TempPolicyFolder();
        folder.Write(TempPolicyFolder.Policy("co-running", 4));
        await using var server = await LedgerServer.StartAsync(TestDatabases.Fresh(TestDatabases.Sqlite), policies: folder.Path);

        folder.Delete("co-running.json");
        server.Host.Services.GetRequiredService<PolicyStore>().Reload();

        var kept = await server.Client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "co-running" });
        Assert.Equal((4, PolicyStore.LedgerSource), (kept.Policy.Version, kept.Source));
        Assert.Contains(server.Logs.Lines, l => l.Contains("co-running.json was deleted; its last good version stays active from the ledger", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_version_number_published_by_one_server_is_refused_for_other_content_by_another_on_the_same_ledger(string backend)
    {
        var ledger = TestDatabases.Fresh(backend);
        using var first = new TempPolicyFolder();
        using var second = new TempPolicyFolder();
        await using var late = await LedgerServer.StartAsync(ledger, policies: second.Path);
        first.Write(TempPolicyFolder.Policy("co-shared", 1));
        await using var early = await LedgerServer.StartAsync(ledger, policies: first.Path);

        var other = TempPolicyFolder.Policy("co-shared", 1);
        other.MaxTermMonths = 6;
        second.Write(other);
        var store = late.Host.Services.GetRequiredService<PolicyStore>();
        store.Reload();

        var problem = Assert.Single(store.Rejected["co-shared.json"]);
        Assert.Equal("version", problem.Field);
        Assert.Contains("never reused; give it version 2 or more", problem.Description, StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<RpcException>(() => late.Client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "co-shared" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task Plans_and_their_payments_are_kept_across_a_restart(string backend)
    {
        var ledger = TestDatabases.Fresh(backend);
        var data = TempDataFolder.New();
        Plan plan;
        await using (var server = await LedgerServer.StartAsync(ledger, data))
        {
            var offer = (await server.Client.Offers.GenerateOffersAsync(Requests.Valid())).Offers.First(o => o.Installments > 0);
            plan = (await server.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "restart-accept", Offer = offer })).Plan;
            var first = plan.Schedule[0];
            plan = (await server.Plans.RecordPaymentAsync(new RecordPaymentRequest
            {
                IdempotencyKey = "restart-pay", PlanId = plan.PlanId, Installment = first.Number, Outcome = PaymentOutcome.Paid,
                OnDate = first.DueDate, AmountMinor = first.AmountMinor,
            })).Plan;
        }

        await using var restarted = await LedgerServer.StartAsync(ledger, data);
        var kept = (await restarted.Plans.GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId })).Plan;
        Assert.Equal(plan, kept);
        var replay = await restarted.Plans.RecordPaymentAsync(new RecordPaymentRequest
        {
            IdempotencyKey = "restart-pay", PlanId = plan.PlanId, Installment = plan.Schedule[0].Number, Outcome = PaymentOutcome.Paid,
            OnDate = plan.Schedule[0].DueDate, AmountMinor = plan.Schedule[0].AmountMinor,
        });
        Assert.True(replay.Replayed);
        Assert.Equal(plan.PaidMinor, replay.Plan.PaidMinor);
    }
}
