using Grpc.Core;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Logging;

/// <summary>
/// Server-level traffic of every kind (answered, invalid, unauthenticated, denied, streamed, malformed, oversized, forged
/// request ids) with every component logging at Trace into a capture: no line shows personal data, a key or a raw
/// control character from a caller.
/// </summary>
public class LogPrivacyTests
{
    private const string Forged = "ok\r\nFORGED 2026-11-20 info: everything is fine\u001b[31m";

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task No_log_line_at_any_level_from_any_component_shows_personal_data_keys_or_a_callers_control_characters(Transport transport)
    {
        await using var server = await SecureServer.StartAsync(transport, level: LogLevel.Trace);
        using var agent = server.Client(Credentials.AgentKey);
        using var analyst = server.Client(Credentials.AnalystKey);
        using var stranger = server.Client("wrong-key-Zebracorn");

        // Each first refusal of its kind in this second, so its line (in the call's scope) is written. A path is caller
        // text too: it reaches the scope of the line that counts the refusal.
        var path = await RawHttp.PostAsync(server, "/negociacion.v1.OfferService/Nope%0d%0aFORGED%1b[31m", RawHttp.Frame(0, []), "none");
        Assert.Equal(StatusCode.Unauthenticated, path.Code);
        var forged = PersonalDataProbe.Valid(Forged);
        Assert.Equal(StatusCode.InvalidArgument, (await agent.GenerateAsync(forged)).Failure!.Code);
        var valid = PersonalDataProbe.Valid("privacy-1");
        var offers = (await agent.GenerateAsync(valid)).Response!;
        Assert.Equal(StatusCode.InvalidArgument, (await agent.GenerateAsync(PersonalDataProbe.Invalid("privacy-2"))).Failure!.Code);
        Assert.Equal(StatusCode.Unauthenticated, (await stranger.GenerateAsync(valid)).Failure!.Code);
        var inline = PersonalDataProbe.Valid("privacy-3");
        inline.Policy = new Policy { Description = "Zebracorn" };
        Assert.Equal(StatusCode.PermissionDenied, (await agent.GenerateAsync(inline)).Failure!.Code);
        var looser = PersonalDataProbe.Valid("privacy-4");
        looser.Tightening = new PolicyTightening { MaxTermMonths = 120 };
        Assert.Equal(StatusCode.PermissionDenied, (await agent.GenerateAsync(looser)).Failure!.Code);
        var oversized = PersonalDataProbe.Valid("privacy-5");
        oversized.Inquiry.Notes = string.Concat(Enumerable.Repeat("Zebracorn ", 30_000));
        Assert.Equal(StatusCode.ResourceExhausted, (await agent.GenerateAsync(oversized)).Failure!.Code);

        var proposal = Requests.Proposal();
        proposal.RequestId = Forged;
        proposal.Account.AccountId = PersonalDataProbe.AccountId;
        proposal.Inquiry.Notes = "Zebracorn";
        await agent.EvaluateAsync(proposal);
        proposal.RequestId = "privacy-6";
        Assert.Null((await agent.EvaluateAsync(proposal)).Failure);
        Assert.True((await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = offers.Offers[0] })).Valid);

        using (var call = agent.Offers.StreamOffers())
        {
            await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "item\nFORGED", Request = valid });
            await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "bad", Request = PersonalDataProbe.Invalid("privacy-7") });
            await call.RequestStream.CompleteAsync();
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        }

        using var channel = server.Channel(Credentials.AnalystKey);
        var malformed = await RawCalls.SendAsync(channel, RawCalls.GenerateOffers, [0x0a, 0xff, 0xff, 0x5a, 0x65, 0x62], TimeSpan.FromSeconds(10));
        Assert.Equal(StatusCode.InvalidArgument, malformed.Code);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            analyst.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "Zebracorn\nFORGED" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);

        var lines = server.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("privacy-1", StringComparison.Ordinal) && l.Contains("answered OK", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(@"ok\u000d\u000aFORGED", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Refused 1 call(s) with Unauthenticated", StringComparison.Ordinal));
        var text = string.Join("\n", lines);
        foreach (var secret in PersonalDataProbe.Secrets.Concat([Credentials.AgentKey, Credentials.AnalystKey, "wrong-key"]))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(lines, l => l.Contains("\nFORGED", StringComparison.Ordinal) || l.Contains('\r') || l.Contains('\u001b'));
    }
}
