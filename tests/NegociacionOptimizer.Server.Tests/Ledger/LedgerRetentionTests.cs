using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Records;
using NegociacionOptimizer.Ledger.Tests.Support;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Ledger;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

public sealed class LedgerRetentionTests
{
    [Fact]
    public async Task Offer_sets_older_than_the_retention_are_pruned_at_start_and_then_daily_once_they_are_old_enough()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var ledger = SqlLedger.Open(TestDatabases.Fresh(TestDatabases.Sqlite), clock);
        await ledger.RecordOffersAsync(Set("first"));
        clock.Advance(TimeSpan.FromDays(31));
        await ledger.RecordOffersAsync(Set("second"));
        using var retention = new LedgerRetention(ledger, new ServerOptions { LedgerRetentionDays = 30 }, clock, NullLogger<LedgerRetention>.Instance);

        await retention.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => !ledger.HasOffer("first")));
        Assert.True(ledger.HasOffer("second"));

        // A day at a time, until the daily pruning has taken the second set: never before it is older than 30 days.
        var issued = clock.GetUtcNow();
        Assert.True(await Eventually.TrueAsync(() =>
        {
            clock.Advance(LedgerRetention.Interval);
            return !ledger.HasOffer("second");
        }));
        Assert.True(clock.GetUtcNow() - issued > TimeSpan.FromDays(30));
        await retention.StopAsync(CancellationToken.None);
    }

    private static IssuedOfferSet Set(string offerId) => new(
        "generate", "fp-" + offerId, "ref", "default", 1, "champion", false, "REASON_OTHER", new DateOnly(2026, 1, 1), "COP", null, "test",
        [new IssuedOffer(offerId, "OFFER_KIND_SETTLEMENT", "FREQUENCY_MONTHLY", 0, 0, 100, 0, 0, 100, 0, new DateOnly(2026, 1, 8), "sig", "k", [], "{}")]);
}
