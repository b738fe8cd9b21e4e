using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>
/// A bad item on StreamOffers gets its own error and the stream goes on. Items are sent one at a time, each answer read
/// before the next item is written, so the answers' order is the items' order (the server answers in completion order).
/// </summary>
public class MalformedStreamItemTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static StreamOffersRequest Item(string id, Action<GenerateOffersRequest>? change = null)
    {
        var request = Requests.Valid();
        request.RequestId = id;
        change?.Invoke(request);
        return new StreamOffersRequest { ItemId = id, Request = request };
    }

    private async Task<(List<StreamOffersResponse> Answers, Status Status)> LockStepAsync(params StreamOffersRequest[] items)
    {
        using var call = server.Client.Offers.StreamOffers(deadline: DateTime.UtcNow.AddSeconds(60));
        var answers = new List<StreamOffersResponse>();
        foreach (var item in items)
        {
            await call.RequestStream.WriteAsync(item);
            Assert.True(await call.ResponseStream.MoveNext(), $"no answer for {item.ItemId}; the stream ended");
            answers.Add(call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(), "no answer beyond one per item");
        return (answers, call.GetStatus());
    }

    private static void AssertOffers(StreamOffersResponse answer, string itemId)
    {
        Assert.Equal(itemId, answer.ItemId);
        Assert.Equal(StreamOffersResponse.ResultOneofCase.Response, answer.ResultCase);
        Assert.Equal(Outcome.Offers, answer.Response.Outcome);
        Assert.NotEmpty(answer.Response.Offers);
    }

    [Fact]
    public async Task An_item_with_several_violations_gets_one_error_listing_them_all_between_the_offers_of_its_neighbours()
    {
        var (answers, status) = await LockStepAsync(
            Item("valid-1"),
            Item("invalid", r =>
            {
                r.Account.DaysPastDue = -1;
                r.Inquiry.PayDay = new PayDay { DayOfMonth = 32 };
                r.OfferCount = 1000;
                r.Language = "fr";
            }),
            Item("valid-2"));

        Assert.Equal(3, answers.Count);
        AssertOffers(answers[0], "valid-1");
        Assert.Equal("invalid", answers[1].ItemId);
        var error = answers[1].Error;
        Assert.NotNull(error);
        Assert.Equal("INVALID_ARGUMENT", error.Code);
        Assert.Equal("4 invalid fields", error.Message);
        Assert.Equal(
            ["request.account.days_past_due", "request.inquiry.pay_day.day_of_month", "request.language", "request.offer_count"],
            error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.All(error.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        Assert.Contains(error.Violations, v => v.Field == "request.inquiry.pay_day.day_of_month" && v.Description.Contains("32", StringComparison.Ordinal));
        AssertOffers(answers[2], "valid-2");
        Assert.Equal(StatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task An_item_naming_an_unknown_policy_gets_its_own_error_and_the_stream_goes_on()
    {
        var (answers, status) = await LockStepAsync(
            Item("valid-1"),
            Item("unknown-policy", r => r.PolicyId = "no-such-policy"),
            Item("valid-2"));

        Assert.Equal(3, answers.Count);
        AssertOffers(answers[0], "valid-1");
        Assert.Equal("unknown-policy", answers[1].ItemId);
        Assert.Equal("INVALID_ARGUMENT", answers[1].Error?.Code);
        var violation = Assert.Single(answers[1].Error!.Violations);
        Assert.Equal("request.policy_id", violation.Field);
        Assert.Contains("unknown policy \"no-such-policy\"", violation.Description, StringComparison.Ordinal);
        AssertOffers(answers[2], "valid-2");
        Assert.Equal(StatusCode.OK, status.StatusCode);
    }
}
