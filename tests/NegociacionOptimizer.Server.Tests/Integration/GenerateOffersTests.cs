using Grpc.Core;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Integration;

public class GenerateOffersTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> SampleRequests { get; } = new(
        Directory.GetFiles(Requests.SamplesFolder, "*.json")
            .Select(Path.GetFileName)
            .Where(n => n is not "bad-request.json" && !n!.StartsWith("proposal", StringComparison.Ordinal))
            .Select(n => n!));

    [Fact]
    public void The_server_listens_on_a_loopback_port_it_was_given() =>
        Assert.True(server.Address.IsLoopback && server.Address.Port > 0);

    [Theory]
    [MemberData(nameof(SampleRequests))]
    public async Task Every_sample_request_gets_offers_with_full_schedules(string file)
    {
        var request = Requests.FromFile(file);
        var result = await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(30));

        var response = Assert.IsType<GenerateOffersResponse>(result.Response);
        Assert.Equal(Outcome.Offers, response.Outcome);
        Assert.NotEmpty(response.Offers);
        Assert.Equal(request.RequestId, response.RequestId);
        Assert.Equal(Enumerable.Range(1, response.Offers.Count), response.Offers.Select(o => o.Rank));
        Assert.Equal(Enumerable.Range(1, response.Offers.Count), response.Offers.Select(o => o.LadderPosition).Order());
        Assert.Equal(response.Offers.Count, response.Offers.Select(o => (o.Frequency, o.Installments)).Distinct().Count());
        Assert.All(response.Offers, o =>
        {
            Assert.Matches("^of-[0-9a-f]{16}$", o.OfferId);
            Assert.False(string.IsNullOrWhiteSpace(o.Script));
            Assert.Equal(o.Installments, o.Schedule.Count);
            Assert.True(o.CompanyValueMinor > 0 && o.PersonValueMinor >= 0);
        });
        Assert.Contains(response.Offers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Summary, StringComparison.Ordinal);
        Assert.Contains("#  kind", OfferTable.Render(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleRequests))]
    public async Task Every_sample_with_two_places_or_more_offers_a_plan_that_starts_now(string file)
    {
        var request = Requests.FromFile(file);
        var response = (await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(30))).Response!;

        Assert.True(response.Offers.Count < 2 || response.Offers.Any(o => o.Installments == 0 || o.GracePeriods == 0),
            string.Join("; ", response.Offers.Select(o => $"n={o.Installments} g={o.GracePeriods}")));
    }

    [Fact]
    public async Task The_same_request_gets_the_same_offer_ids_whatever_its_request_id()
    {
        // The built-in policy with room for a full search: a search cut by its time limit is not repeatable by design.
        var request = Requests.FromFile("forgot-to-pay.json");
        request.Policy = PolicyToProto.Map(Domain.Policies.Policy.Create(PolicyDefaults.BuiltIn.ToDraft() with { SolveTimeLimitMs = 60_000 }));
        var first = await server.Client.GenerateAsync(request);
        request.RequestId = "retry";
        var second = await server.Client.GenerateAsync(request);
        Assert.True(first.Response!.Solve.OptimalProven);
        Assert.NotEmpty(first.Response.Offers);
        Assert.Equal(first.Response.Offers.Select(o => o.OfferId), second.Response!.Offers.Select(o => o.OfferId));
    }

    [Fact]
    public async Task The_bad_sample_comes_back_invalid_argument_with_each_field_violation()
    {
        var result = await server.Client.GenerateAsync(Requests.FromFile("bad-request.json"));

        var failure = Assert.IsType<CallFailure>(result.Failure);
        Assert.Equal(StatusCode.InvalidArgument, failure.Code);
        var fields = failure.Violations.Select(v => v.Field).ToList();
        Assert.Equal(
            ["account.currency", "account.principal_minor", "account.as_of", "inquiry", "inquiry.pay_day.day_of_month", "inquiry.reason", "language", "offer_count"],
            fields);
        Assert.Contains(failure.Violations, v => v.Field == "inquiry.pay_day.day_of_month" && v.Description == "must be between 1 and 31; got 32");
        Assert.Contains("account.currency", failure.Message, StringComparison.Ordinal);
        Assert.Contains("inquiry.reason", OfferTable.Render(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disputed_balance_gets_the_review_outcome_and_no_offers()
    {
        var request = Requests.FromFile("forgot-to-pay.json");
        request.Inquiry.Reason = Reason.Dispute;
        var response = (await server.Client.GenerateAsync(request)).Response!;
        Assert.Equal(Outcome.ReviewRequired, response.Outcome);
        Assert.Empty(response.Offers);
        Assert.Equal("REVIEW_REQUIRED", Assert.Single(response.NoOfferReasons).Code);
        Assert.Equal(0, response.Solve.SolverCalls);
    }

    [Fact]
    public async Task An_infeasible_request_is_answered_with_reasons_not_an_error()
    {
        var request = Requests.FromFile("forgot-to-pay.json");
        request.Policy = new Api.V1.Policy { MinInstallmentMinor = 100_000_000, MaxDiscountFeesBp = 0, MaxDiscountInterestBp = 0 };
        request.Inquiry.LumpSumAvailableMinor = 0;
        var response = (await server.Client.GenerateAsync(request)).Response!;
        Assert.Equal(Outcome.NoFeasiblePlan, response.Outcome);
        Assert.NotEmpty(response.NoOfferReasons);
        Assert.Equal("inline", response.Policy.Arm);
        Assert.StartsWith("No hay un plan de pagos posible", response.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_deadline_is_deadline_exceeded_not_internal()
    {
        var call = server.Client.Offers.GenerateOffersAsync(Requests.FromFile("forgot-to-pay.json"), deadline: DateTime.UtcNow.AddMilliseconds(1));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
