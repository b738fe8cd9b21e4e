using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Policies;

public sealed class PolicyFolderTests : IDisposable
{
    private readonly TempPolicyFolder _folder = new();
    private readonly ListLogger<PolicyStore> _log = new();

    public void Dispose() => _folder.Dispose();

    private PolicyStore Open() =>
        new(new PolicyFolder(_folder.Path) { Debounce = TimeSpan.FromMilliseconds(100), Rescan = TimeSpan.FromHours(1) }, _log);

    private static ValidatePolicyResponse Validate(PolicyStore store, string json) =>
        PolicyGrpcService.Validate(new ValidatePolicyRequest { PolicyJson = json }, store);

    [Fact]
    public void Files_load_at_start_with_their_file_name_as_source_next_to_the_built_in_default()
    {
        _folder.Write(TempPolicyFolder.Policy("co-a", version: 3));
        _folder.WriteText("policy.schema.json", """{ "title": "not a policy" }""");
        using var store = Open();

        Assert.True(store.TryGet("co-a", out var a));
        Assert.Equal((3, "co-a.json"), (a.Policy.Version, a.Source));
        Assert.True(store.TryGet("default", out var builtIn));
        Assert.Equal(PolicyStore.BuiltInSource, builtIn.Source);
        Assert.Empty(store.Rejected);
    }

    [Fact]
    public async Task Saving_a_new_version_is_picked_up_without_a_restart()
    {
        _folder.Write(TempPolicyFolder.Policy("co-a", version: 1));
        using var store = Open();

        var edited = TempPolicyFolder.Policy("co-a", version: 2);
        edited.MaxTermMonths = 12;
        _folder.Write(edited);

        Assert.True(await Eventually.TrueAsync(() => store.TryGet("co-a", out var p) && p.Policy.Version == 2));
        Assert.True(store.TryGet("co-a", out var reloaded));
        Assert.Equal(12, reloaded.Policy.MaxTermMonths);
    }

    [Fact]
    public async Task A_new_file_is_picked_up_and_a_deleted_one_is_withdrawn()
    {
        using var store = Open();
        _folder.Write(TempPolicyFolder.Policy("co-new"));
        Assert.True(await Eventually.TrueAsync(() => store.TryGet("co-new", out _)));

        _folder.Delete("co-new.json");
        Assert.True(await Eventually.TrueAsync(() => !store.TryGet("co-new", out _)));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("co-new version 1 withdrawn", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_save_keeps_the_last_good_version_and_every_problem_is_logged_and_validated()
    {
        _folder.Write(TempPolicyFolder.Policy("co-a", version: 1));
        using var store = Open();

        var bad = TempPolicyFolder.Policy("co-a", version: 2);
        bad.MaxTermMonths = 500;
        bad.MaxBurdenBp = 0;
        _folder.Write(bad);
        store.Reload();

        Assert.True(store.TryGet("co-a", out var active));
        Assert.Equal(1, active.Policy.Version);
        var problems = store.Rejected["co-a.json"];
        Assert.Equal(["max_term_months", "max_burden_bp"], problems.Select(p => p.Field));
        var logged = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("co-a.json rejected with 2 problem(s), version 1 from co-a.json stays active", logged.Message, StringComparison.Ordinal);
        Assert.Contains("max_term_months", logged.Message, StringComparison.Ordinal);
        Assert.Contains("max_burden_bp", logged.Message, StringComparison.Ordinal);

        var validated = Validate(store, TempPolicyFolder.Json(bad));
        Assert.False(validated.Valid);
        Assert.Equal(problems.Select(p => (p.Field, p.Description)), validated.Problems.Select(p => (p.Field, p.Description)));
    }

    [Fact]
    public void A_file_that_is_not_json_is_rejected_and_the_service_keeps_its_other_policies()
    {
        _folder.Write(TempPolicyFolder.Policy("co-a"));
        _folder.WriteText("co-b.json", "{ \"id\": \"co-b\", ");
        using var store = Open();

        Assert.True(store.TryGet("co-a", out _));
        Assert.False(store.TryGet("co-b", out _));
        Assert.Equal("policy_json", Assert.Single(store.Rejected["co-b.json"]).Field);
    }

    [Fact]
    public void The_id_must_match_the_file_name()
    {
        _folder.Write(TempPolicyFolder.Policy("co-a"), "co-other.json");
        using var store = Open();

        Assert.False(store.TryGet("co-a", out _));
        var problem = Assert.Single(store.Rejected["co-other.json"]);
        Assert.Equal("id", problem.Field);
        Assert.Contains("co-a.json", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_may_not_go_down_nor_stay_the_same_when_the_policy_changed()
    {
        _folder.Write(TempPolicyFolder.Policy("co-a", version: 5));
        using var store = Open();

        _folder.Write(TempPolicyFolder.Policy("co-a", version: 4));
        store.Reload();
        Assert.Contains("must not go down", Assert.Single(store.Rejected["co-a.json"]).Description, StringComparison.Ordinal);

        var sameVersion = TempPolicyFolder.Policy("co-a", version: 5);
        sameVersion.MaxTermMonths = 6;
        _folder.Write(sameVersion);
        store.Reload();
        Assert.Contains("raise it to 6", Assert.Single(store.Rejected["co-a.json"]).Description, StringComparison.Ordinal);
        Assert.True(store.TryGet("co-a", out var active));
        Assert.Equal((5, 36), (active.Policy.Version, active.Policy.MaxTermMonths));
    }

    [Fact]
    public void Restoring_the_active_content_clears_the_rejection()
    {
        var good = TempPolicyFolder.Policy("co-a");
        _folder.Write(good);
        using var store = Open();
        _folder.WriteText("co-a.json", "not json");
        store.Reload();
        Assert.True(store.Rejected.ContainsKey("co-a.json"));

        _folder.Write(good);
        store.Reload();
        Assert.Empty(store.Rejected);
    }

    [Fact]
    public void A_default_file_replaces_the_built_in_policy_and_deleting_it_brings_the_built_in_back()
    {
        _folder.Write(TempPolicyFolder.Policy("default", version: 2));
        using var store = Open();
        Assert.True(store.TryGet("default", out var fromFile));
        Assert.Equal((2, "default.json"), (fromFile.Policy.Version, fromFile.Source));

        _folder.Delete("default.json");
        store.Reload();
        Assert.True(store.TryGet("default", out var builtIn));
        Assert.Equal((1, PolicyStore.BuiltInSource), (builtIn.Policy.Version, builtIn.Source));
    }

    [Fact]
    public void A_missing_folder_stops_the_start()
    {
        var missing = Path.Combine(_folder.Path, "nope");
        Assert.Throws<DirectoryNotFoundException>(() => new PolicyStore(new PolicyFolder(missing), _log));
    }
}
