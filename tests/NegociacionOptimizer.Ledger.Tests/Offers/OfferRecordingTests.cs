using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Ledger.Tests.Support;

namespace NegociacionOptimizer.Ledger.Tests.Offers;

public sealed class OfferRecordingTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task Offer_sets_written_together_are_all_durable_when_their_tasks_complete(string backend)
    {
        var connection = TestDatabases.Fresh(backend);
        await using (var ledger = SqlLedger.Open(connection, new FakeTimeProvider(), maxBatch: 8))
        {
            var writes = Enumerable.Range(0, 40).Select(i => ledger.RecordOffersAsync(
                SampleOffers.Set($"acct-{i}", SampleOffers.Plan($"o{i}-a"), SampleOffers.Settlement($"o{i}-b"))));
            var ids = await Task.WhenAll(writes);
            Assert.Equal(40, ids.Distinct().Count());
        }

        await using var reopened = SqlLedger.Open(connection, new FakeTimeProvider());
        Assert.Equal((40L, 80L), reopened.Counts());
        Assert.True(reopened.HasOffer("o39-b"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Backends), MemberType = typeof(TestDatabases))]
    public async Task Old_offer_sets_nobody_accepted_are_pruned_and_the_rest_kept(string backend)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(backend), time);
        await ledger.RecordOffersAsync(SampleOffers.Set("old-unaccepted", SampleOffers.Plan("old-1")));
        await ledger.RecordOffersAsync(SampleOffers.Set("old-accepted", SampleOffers.Plan("old-2")));
        await ledger.AcceptAsync(new Records.Acceptance("old-2", "sig-old-2", "k-old-2", "agent"));
        time.Advance(TimeSpan.FromDays(100));
        await ledger.RecordOffersAsync(SampleOffers.Set("recent", SampleOffers.Plan("new-1")));

        var pruned = await ledger.PruneAsync(time.GetUtcNow() - TimeSpan.FromDays(30));

        Assert.Equal(1, pruned);
        Assert.False(ledger.HasOffer("old-1"));
        Assert.True(ledger.HasOffer("old-2"));
        Assert.True(ledger.HasOffer("new-1"));
        Assert.NotNull(ledger.GetPlan(NegociacionOptimizer.Ledger.Storage.Plans.IdOf("old-2")));
    }

    [Fact]
    public async Task A_ledger_that_cannot_write_fails_the_write_keeps_none_of_it_and_recovers()
    {
        var connection = TestDatabases.Fresh(TestDatabases.Sqlite);
        await using var ledger = SqlLedger.Open(connection, new FakeTimeProvider());
        Rename(connection, "offers", "offers_moved");

        await Assert.ThrowsAsync<LedgerUnavailableException>(() => ledger.RecordOffersAsync(SampleOffers.Set("a", SampleOffers.Plan("x"))));

        Rename(connection, "offers_moved", "offers");
        await ledger.RecordOffersAsync(SampleOffers.Set("a", SampleOffers.Plan("y")));
        Assert.Equal((1L, 1L), ledger.Counts());
        Assert.False(ledger.HasOffer("x"));
    }

    private static void Rename(LedgerConnection connection, string from, string to)
    {
        using var direct = new Microsoft.Data.Sqlite.SqliteConnection(connection.ConnectionString);
        direct.Open();
        using var command = direct.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        command.ExecuteNonQuery();
    }
}
