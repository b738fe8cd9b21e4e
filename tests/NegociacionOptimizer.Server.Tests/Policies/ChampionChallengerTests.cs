using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Policies;

public sealed class ChampionChallengerTests : IDisposable
{
    private static readonly Currency Cop = Currency.FromCode("COP");
    private readonly TempPolicyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PolicyStore Open() =>
        new(new PolicyFolder(_folder.Path) { Rescan = TimeSpan.FromHours(1) }, NullLogger<PolicyStore>.Instance);

    private static Api.V1.Policy WithChallenger(string id, string challenger, int shareBp, string currency = "COP")
    {
        var policy = TempPolicyFolder.Policy(id, currency: currency);
        policy.Challenger = new Api.V1.Challenger { PolicyId = challenger, ShareBp = shareBp };
        return policy;
    }

    [Fact]
    public void The_split_is_deterministic_and_close_to_the_share_over_ten_thousand_accounts()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"ACC-{i:D6}").ToList();
        var first = ids.Count(id => ChallengerSplit.IsChallenger(id, "co-a", new BasisPoints(2_000)));
        var again = ids.Count(id => ChallengerSplit.IsChallenger(id, "co-a", new BasisPoints(2_000)));

        Assert.Equal(first, again);
        Assert.InRange(first, 1_800, 2_200); // 5 standard deviations of a binomial(10,000, 0.2)
        Assert.All(ids.Take(100), id => Assert.Equal(ChallengerSplit.Bucket(id, "co-a"), ChallengerSplit.Bucket(id, "co-a")));
        Assert.DoesNotContain(ids, id => ChallengerSplit.IsChallenger(id, "co-a", new BasisPoints(0)));
        Assert.All(ids, id => Assert.True(ChallengerSplit.IsChallenger(id, "co-a", new BasisPoints(10_000))));
    }

    [Fact]
    public void The_split_depends_on_the_champion_so_two_experiments_are_independent()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"ACC-{i:D6}").ToList();
        var both = ids.Count(id => ChallengerSplit.IsChallenger(id, "co-a", new BasisPoints(5_000)) && ChallengerSplit.IsChallenger(id, "co-b", new BasisPoints(5_000)));
        Assert.InRange(both, 2_300, 2_700);
    }

    [Fact]
    public void The_router_sends_the_challengers_share_to_the_challenger_and_says_which_arm_answered()
    {
        _folder.Write(WithChallenger("co-a", "co-b", 3_000));
        _folder.Write(TempPolicyFolder.Policy("co-b", version: 7));
        using var store = Open();
        Assert.Empty(store.Rejected);
        var router = new PolicyRouter(store, NullLogger<PolicyRouter>.Instance);

        var ids = Enumerable.Range(0, 2_000).Select(i => $"A-{i}").ToList();
        var routed = ids.Select(id => (Id: id, Route: router.Route("co-a", id, Cop))).ToList();

        Assert.All(routed, r =>
        {
            var challenger = ChallengerSplit.IsChallenger(r.Id, "co-a", new BasisPoints(3_000));
            Assert.Equal(challenger ? ("co-b", 7, "challenger") : ("co-a", 1, "champion"),
                (r.Route.Reference.PolicyId, r.Route.Reference.Version, r.Route.Reference.Arm));
            Assert.Equal(r.Route.Reference.PolicyId, r.Route.Policy.Id);
        });
        Assert.InRange(routed.Count(r => r.Route.Reference.Arm == "challenger"), 480, 720);
    }

    [Fact]
    public void A_challenger_that_is_gone_at_request_time_leaves_the_champion_answering()
    {
        _folder.Write(WithChallenger("co-a", "co-b", 10_000));
        _folder.Write(TempPolicyFolder.Policy("co-b"));
        using var store = Open();
        _folder.Delete("co-b.json");
        store.Reload();

        var route = new PolicyRouter(store, NullLogger<PolicyRouter>.Instance).Route("co-a", "A-1", Cop);
        Assert.Equal(("co-a", "champion"), (route.Reference.PolicyId, route.Reference.Arm));
    }

    [Fact]
    public void A_missing_challenger_is_rejected_at_load_until_it_arrives()
    {
        _folder.Write(WithChallenger("co-a", "co-b", 1_000));
        using var store = Open();
        Assert.False(store.TryGet("co-a", out _));
        Assert.Contains("no policy \"co-b\"", Assert.Single(store.Rejected["co-a.json"]).Description, StringComparison.Ordinal);

        _folder.Write(TempPolicyFolder.Policy("co-b"));
        store.Reload();
        Assert.True(store.TryGet("co-a", out _));
        Assert.Empty(store.Rejected);
    }

    [Fact]
    public void Chains_cycles_self_references_and_other_currencies_are_rejected()
    {
        _folder.Write(WithChallenger("co-a", "co-b", 1_000));
        _folder.Write(WithChallenger("co-b", "co-c", 1_000));
        _folder.Write(TempPolicyFolder.Policy("co-c"));
        _folder.Write(WithChallenger("co-self", "co-self", 1_000));
        _folder.Write(WithChallenger("co-x", "ar-y", 1_000));
        _folder.Write(TempPolicyFolder.Policy("ar-y", currency: "ARS"));
        _folder.Write(WithChallenger("co-p", "co-q", 1_000));
        _folder.Write(WithChallenger("co-q", "co-p", 1_000));
        using var store = Open();

        // co-a → co-b → co-c is a chain: co-a goes, and co-b (no longer anyone's challenger) may keep co-c.
        Assert.Equal(["co-a.json", "co-p.json", "co-q.json", "co-self.json", "co-x.json"], store.Rejected.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("no chains", Assert.Single(store.Rejected["co-a.json"]).Description, StringComparison.Ordinal);
        Assert.True(store.TryGet("co-b", out _));
        Assert.Contains(store.Rejected["co-x.json"], p => p.Description.Contains("is in ARS", StringComparison.Ordinal));
        Assert.Contains(store.Rejected["co-self.json"], p => p.Description.Contains("not this one", StringComparison.Ordinal));
        Assert.True(store.TryGet("co-c", out _));
        Assert.True(store.TryGet("ar-y", out _));
    }

    [Fact]
    public void A_policy_that_is_someones_challenger_cannot_gain_a_challenger_or_change_currency()
    {
        _folder.Write(WithChallenger("co-a", "co-b", 1_000));
        _folder.Write(TempPolicyFolder.Policy("co-b"));
        _folder.Write(TempPolicyFolder.Policy("co-c"));
        using var store = Open();

        var chained = WithChallenger("co-b", "co-c", 1_000);
        chained.Version = 2;
        _folder.Write(chained);
        store.Reload();
        Assert.Contains("no chains", Assert.Single(store.Rejected["co-b.json"]).Description, StringComparison.Ordinal);

        var otherCurrency = TempPolicyFolder.Policy("co-b", version: 3, currency: "ARS");
        var validated = PolicyGrpcService.Validate(new ValidatePolicyRequest { Policy = otherCurrency }, store);
        Assert.Equal("currency", Assert.Single(validated.Problems).Field);
        Assert.True(store.TryGet("co-b", out var active));
        Assert.Equal(1, active.Policy.Version);
    }
}
