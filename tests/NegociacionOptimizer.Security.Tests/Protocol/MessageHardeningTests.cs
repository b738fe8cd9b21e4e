using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Protocol;

/// <summary>
/// Bytes no gRPC client of this API sends, through the real port, on every service: each gets one documented status
/// (malformed and compressed → INVALID_ARGUMENT, oversized → RESOURCE_EXHAUSTED, unknown method → UNIMPLEMENTED), never
/// UNKNOWN and never a stack trace.
/// </summary>
public class MessageHardeningTests(ServerPair servers) : IClassFixture<ServerPair>
{
    public static TheoryData<Transport, string> Methods()
    {
        var data = new TheoryData<Transport, string>();
        foreach (var transport in new[] { Transport.H2c, Transport.Tls })
        {
            foreach (var path in new[]
            {
                "/negociacion.v1.OfferService/GenerateOffers", "/negociacion.v1.OfferService/EvaluateProposal",
                "/negociacion.v1.OfferService/VerifyOffer", "/negociacion.v1.PolicyService/ListPolicies",
                "/negociacion.v1.PolicyService/GetPolicy", "/negociacion.v1.PolicyService/ValidatePolicy", "/grpc.health.v1.Health/Check",
                "/negociacion.v1.PlanService/AcceptOffer", "/negociacion.v1.PlanService/RecordPayment", "/negociacion.v1.PlanService/GetPlan",
            })
            {
                data.Add(transport, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Malformed_protobuf_is_invalid_argument(Transport transport, string path)
    {
        var (code, message) = await RawHttp.PostAsync(servers[transport], path, RawHttp.Frame(0, [0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), Credentials.AdminKey);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains("not a valid", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_frame_whose_length_lies_is_invalid_argument(Transport transport, string path)
    {
        var frame = RawHttp.Frame(0, [0x08, 0x01]);
        var (code, _) = await RawHttp.PostAsync(servers[transport], path, frame[..^1], Credentials.AdminKey);
        Assert.Equal(StatusCode.InvalidArgument, code);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_compressed_frame_is_invalid_argument_with_or_without_an_encoding(Transport transport, string path)
    {
        foreach (var encoding in new[] { null, "gzip", "snappy" })
        {
            var (code, message) = await RawHttp.PostAsync(servers[transport], path, RawHttp.Frame(1, [0x1f, 0x8b, 0x08, 0x00]), Credentials.AdminKey, encoding);
            Assert.Equal(StatusCode.InvalidArgument, code);
            Assert.Contains("compress", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_oversized_message_is_resource_exhausted(Transport transport, string path)
    {
        var (code, message) = await RawHttp.PostAsync(servers[transport], path, RawHttp.Frame(0, new byte[300 * 1024]), Credentials.AdminKey);
        Assert.Equal(StatusCode.ResourceExhausted, code);
        Assert.Contains("larger than the limit", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_unknown_method_of_any_service_is_unimplemented_and_of_a_closed_service_unauthenticated_without_credentials(Transport transport)
    {
        using var anonymous = servers[transport].Channel();
        foreach (var service in new[] { "negociacion.v1.OfferService", "negociacion.v1.PolicyService", "negociacion.v1.NoService" })
        {
            Assert.Equal(StatusCode.Unauthenticated,
                (await RawCalls.SendAsync(anonymous, RawCalls.Unary(service, "Nope"), [], TimeSpan.FromSeconds(10))).Code);
        }

        // Health is open, unknown methods included.
        Assert.Equal(StatusCode.Unimplemented,
            (await RawCalls.SendAsync(anonymous, RawCalls.Unary("grpc.health.v1.Health", "Nope"), [], TimeSpan.FromSeconds(10))).Code);
        using var channel = servers[transport].Channel(Credentials.AdminKey);
        foreach (var (service, method) in new[]
        {
            ("negociacion.v1.OfferService", "Nope"), ("negociacion.v1.PolicyService", "Nope"), ("grpc.health.v1.Health", "Nope"),
            ("negociacion.v1.NoService", "Nope"),
        })
        {
            var (code, detail, _) = await RawCalls.SendAsync(channel, RawCalls.Unary(service, method), [], TimeSpan.FromSeconds(10));
            Assert.Equal(StatusCode.Unimplemented, code);
            Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_oversized_stream_item_is_an_item_error_after_the_answers_to_the_items_before_it(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        using var call = agent.Offers.StreamOffers();
        var huge = Requests.Generate();
        huge.Inquiry.Notes = new string('x', 300 * 1024);
        await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "first", Request = Requests.Generate() });
        await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "second", Request = Requests.Generate("weekly-earner.json") });
        // The server stops reading at the huge item's header, so this write may never complete: not awaited.
        _ = call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "huge", Request = huge });
        var answers = new List<StreamOffersResponse>();
        var end = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var answer in call.ResponseStream.ReadAllAsync())
            {
                answers.Add(answer);
            }
        });

        Assert.Equal(StatusCode.ResourceExhausted, end.StatusCode);
        Assert.Equal(3, answers.Count);
        Assert.NotEmpty(answers.Single(a => a.ItemId == "first").Response.Offers);
        Assert.NotEmpty(answers.Single(a => a.ItemId == "second").Response.Offers);
        var error = answers[^1].Error;
        Assert.Equal("RESOURCE_EXHAUSTED", error.Code);
        Assert.Contains("larger than the limit", error.Message, StringComparison.Ordinal);
    }
}
