using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Ledger.Tests.Support;

namespace NegociacionOptimizer.Ledger.Tests.Policies;

public sealed class PolicyVersionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task A_version_number_is_never_recorded_for_other_content(string backend)
    {
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), new FakeTimeProvider());

        Assert.Equal(PolicyPublication.Published, ledger.PublishPolicy(Version("co", 1, "A")));
        Assert.Equal(PolicyPublication.AlreadyPublished, ledger.PublishPolicy(Version("co", 1, "A")));
        Assert.Equal(PolicyPublication.VersionReused, ledger.PublishPolicy(Version("co", 1, "B")));
        Assert.Equal("A", Assert.Single(ledger.ActivePolicies()).Document);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task The_last_good_version_of_each_policy_survives_a_restart_even_after_a_rollback(string backend)
    {
        var connection = TestDatabases.Fresh(backend);
        await using (var ledger = SqlLedger.Open(connection, new FakeTimeProvider()))
        {
            ledger.PublishPolicy(Version("co", 1, "A"));
            ledger.PublishPolicy(Version("co", 2, "B"));
            ledger.PublishPolicy(Version("co", 1, "A"));
            ledger.PublishPolicy(Version("ar", 3, "C"));
        }

        await using var restarted = SqlLedger.Open(connection, new FakeTimeProvider());
        Assert.Equal([("ar", 3), ("co", 1)], restarted.ActivePolicies().Select(p => (p.PolicyId, p.Version)));
        Assert.Equal(2, restarted.HighestVersion("co"));
        Assert.Equal(0, restarted.HighestVersion("none"));
    }

    private static PolicyVersion Version(string id, int version, string document) =>
        new(id, version, "hash-" + document, document, "policies folder: " + id + ".json");
}
