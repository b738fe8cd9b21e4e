using Google.Rpc;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Tests.Support;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

public sealed class OfferExpiryTests
{
    [Fact]
    public async Task An_offer_past_its_expiry_is_refused_as_expired_in_spanish_by_default_and_in_english_on_request()
    {
        var clock = LedgerServer.NewClock();
        await using var server = await LedgerServer.StartAsync(TestDatabases.Fresh(TestDatabases.Sqlite), clock: clock);
        var offer = (await server.Client.Offers.GenerateOffersAsync(Requests.Valid())).Offers[0];
        var expires = DateOnly.ParseExact(offer.ExpiresOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        clock.SetUtcNow(new DateTimeOffset(expires.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var spanish = await Assert.ThrowsAsync<RpcException>(() => server.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "late-1", Offer = offer }).ResponseAsync);
        var english = await Assert.ThrowsAsync<RpcException>(() =>
            server.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "late-2", Offer = offer, Language = "en" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, spanish.StatusCode);
        Assert.Equal("OFFER_EXPIRED", Assert.Single(spanish.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type);
        Assert.Equal($"La oferta estuvo vigente hasta el {offer.ExpiresOn}; pida una nueva.", spanish.Status.Detail);
        Assert.Equal($"The offer was open until {offer.ExpiresOn}; ask for a new one.", english.Status.Detail);
    }
}
