using Google.Protobuf;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

public class LimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_request_over_the_size_limit_is_resource_exhausted()
    {
        var request = Requests.Valid();
        request.Inquiry.Notes = new string('x', ServerOptions.DefaultMaxRequestBytes);
        var (code, detail, _) = await RawCalls.SendAsync(server.Client.Channel, RawCalls.GenerateOffers, request.ToByteArray(), TimeSpan.FromSeconds(10));
        Assert.Equal(StatusCode.ResourceExhausted, code);
        Assert.Contains("262144", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_and_random_bytes_are_invalid_argument_with_a_clear_message()
    {
        var bytes = Requests.Valid().ToByteArray();
        var truncated = await RawCalls.SendAsync(server.Client.Channel, RawCalls.GenerateOffers, bytes[..(bytes.Length / 2)], TimeSpan.FromSeconds(10));
        var garbage = await RawCalls.SendAsync(server.Client.Channel, RawCalls.EvaluateProposal, [0xff, 0xff, 0xff, 0x01], TimeSpan.FromSeconds(10));
        Assert.Equal(StatusCode.InvalidArgument, truncated.Code);
        Assert.Contains("not a valid negociacion.v1.GenerateOffersRequest", truncated.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, garbage.Code);
        Assert.Contains("negociacion.v1.EvaluateProposalRequest", garbage.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_whose_length_disagrees_with_its_body_is_refused()
    {
        byte[] frame = [0, 0, 0, 0, 9, 1, 2];
        var problem = MessageGuard.Check(frame, "negociacion.v1.GenerateOffersRequest", GenerateOffersRequest.Parser, 1024);
        Assert.Equal(StatusCode.InvalidArgument, problem?.Code);
        Assert.Contains("announces 9 bytes but carries 2", problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overflowing_balance_is_invalid_argument_naming_the_limit()
    {
        var request = Requests.Valid();
        request.Account.PrincipalMinor = 1_000_000_000_000_000;
        request.Account.InterestMinor = 1_000_000_000_000_000;
        request.Account.FeesMinor = 1_000_000_000_000_000;
        var failure = (await server.Client.GenerateAsync(request)).Failure!;
        Assert.Equal(StatusCode.InvalidArgument, failure.Code);
        Assert.Contains(failure.Violations, v => v.Field == "account" && v.Description.Contains("100000000000", StringComparison.Ordinal));
    }
}
