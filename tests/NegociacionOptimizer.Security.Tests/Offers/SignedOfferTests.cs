using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Security.Tests.Offers;

/// <summary>Every offer is signed; VerifyOffer refuses an altered, foreign-key or expired offer with its reason.</summary>
public class SignedOfferTests(ServerPair servers) : IClassFixture<ServerPair>
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Every_offer_issued_is_signed_and_verifies_until_its_expiry_day_ends(Transport transport)
    {
        // Its own server: the test moves the clock forward, which the shared servers' other tests must not see.
        await using var server = await SecureServer.StartAsync(transport);
        using var agent = server.Client(Credentials.AgentKey);
        var offers = (await agent.GenerateAsync(Requests.Generate())).Response!.Offers;
        Assert.NotEmpty(offers);
        Assert.All(offers, o => Assert.Equal("k1", o.SignatureKeyId));

        var offer = offers[0];
        var expires = DateOnly.Parse(offer.ExpiresOn, System.Globalization.CultureInfo.InvariantCulture);
        server.Clock.SetUtcNow(new DateTimeOffset(expires.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero));
        var valid = await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = offer, Language = "en" });
        Assert.True(valid.Valid);
        Assert.Equal(OfferRefusal.Unspecified, valid.Refusal);

        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = offer });
        Assert.False(expired.Valid);
        Assert.Equal(OfferRefusal.Expired, expired.Refusal);
        Assert.Contains(offer.ExpiresOn, expired.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Changes() =>
    [
        "offer_id", "down_payment", "discount", "installments", "installment", "last_installment", "schedule_amount",
        "schedule_date", "policy_id", "policy_version", "expires_on", "key_id", "signature", "unsigned",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task An_offer_changed_in_any_signed_part_is_refused_with_its_reason(string change)
    {
        var server = servers[Transport.H2c];
        using var agent = server.Client(Credentials.AgentKey);
        var request = Requests.Generate("job-loss-small-lump-sum.json");
        var offer = (await agent.GenerateAsync(request)).Response!.Offers.First(o => o.Schedule.Count > 1);
        var expected = OfferRefusal.Altered;
        switch (change)
        {
            case "offer_id": offer.OfferId += "0"; break;
            case "down_payment": offer.DownPaymentMinor -= 100; break;
            case "discount": offer.Discount.PrincipalMinor += 100; break;
            case "installments": offer.Installments += 1; break;
            case "installment": offer.InstallmentMinor -= 100; break;
            case "last_installment": offer.LastInstallmentMinor -= 1; break;
            case "schedule_amount": offer.Schedule[1].AmountMinor -= 1; break;
            case "schedule_date": offer.Schedule[0].DueDate = "2026-12-31"; break;
            case "policy_id": offer.Policy.PolicyId = "other"; break;
            case "policy_version": offer.Policy.Version += 1; break;
            case "expires_on": offer.ExpiresOn = "2027-12-31"; break;
            case "key_id": offer.SignatureKeyId = "k0"; expected = OfferRefusal.UnknownKey; break;
            case "signature": offer.Signature = offer.Signature[..^2] + (offer.Signature[^2] == 'A' ? "BA" : "AA"); break;
            default: offer.Signature = string.Empty; expected = OfferRefusal.Unsigned; break;
        }

        var answer = await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = offer });
        Assert.False(answer.Valid);
        Assert.Equal(expected, answer.Refusal);
        Assert.False(string.IsNullOrEmpty(answer.Message));
    }

    [Fact]
    public async Task Offers_of_evaluate_proposal_and_of_the_stream_are_signed_too()
    {
        var server = servers[Transport.Tls];
        using var agent = server.Client(Credentials.AgentKey);
        var proposal = (await agent.EvaluateAsync(Requests.Proposal())).Response!;
        var proposed = proposal.AcceptedOffer ?? proposal.CounterOffers[0].Offer;
        Assert.True((await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = proposed })).Valid);

        using var call = agent.Offers.StreamOffers();
        await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "1", Request = Requests.Generate() });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var streamed = call.ResponseStream.Current.Response.Offers[0];
        Assert.True((await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = streamed })).Valid);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_rotated_server_verifies_offers_of_the_old_key_and_signs_with_the_new_one_and_another_server_refuses_them(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        var old = (await agent.GenerateAsync(Requests.Generate())).Response!.Offers[0];

        await using var rotated = await SecureServer.StartAsync(transport, folder => WithKeys(transport, folder, "k2", ("k1", Credentials.SigningKey), ("k2", Key(7))));
        using var rotatedAgent = rotated.Client(Credentials.AgentKey);
        Assert.True((await rotatedAgent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = old })).Valid);
        Assert.Equal("k2", (await rotatedAgent.GenerateAsync(Requests.Generate())).Response!.Offers[0].SignatureKeyId);

        await using var other = await SecureServer.StartAsync(transport, folder => WithKeys(transport, folder, "k1", ("k1", Key(9))));
        using var otherAgent = other.Client(Credentials.AgentKey);
        Assert.Equal(OfferRefusal.Altered, (await otherAgent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = old })).Refusal);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Without_configured_keys_the_server_creates_one_in_its_data_folder_and_keeps_it_across_restarts(Transport transport)
    {
        SecurityOptions Local(string folder) => new() { Certificate = Credentials.Standard(transport, folder).Certificate };
        var folder = Directory.CreateTempSubdirectory("negociacion-keys-").FullName;
        try
        {
            Offer first;
            await using (var server = await SecureServer.StartAsync(transport, Local, options: o => o with { DataFolder = folder }))
            {
                using var client = server.Client();
                first = (await client.GenerateAsync(Requests.Generate())).Response!.Offers[0];
            }

            var file = Path.Combine(folder, OfferKeyRing.KeyFile);
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.StartsWith(first.SignatureKeyId + " ", File.ReadAllText(file), StringComparison.Ordinal);

            await using var restarted = await SecureServer.StartAsync(transport, Local, options: o => o with { DataFolder = folder });
            using var again = restarted.Client();
            Assert.True((await again.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = first })).Valid);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Key(byte seed) => Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * seed)).ToArray());

    private static SecurityOptions WithKeys(Transport transport, string folder, string active, params (string Id, string Secret)[] keys)
    {
        var standard = Credentials.Standard(transport, folder);
        return new SecurityOptions
        {
            ApiKeys = standard.ApiKeys,
            Certificate = standard.Certificate,
            OfferSigning = new OfferSigningOptions { ActiveKeyId = active, Keys = keys.ToDictionary(k => k.Id, k => k.Secret) },
        };
    }
}
