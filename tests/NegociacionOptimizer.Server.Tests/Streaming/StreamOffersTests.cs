using System.Diagnostics;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Tests.Support;
using Xunit.Abstractions;

namespace NegociacionOptimizer.Server.Tests.Streaming;

public class StreamOffersTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    /// <summary>A cheap item: valid requests with a disputed balance (review outcome, no search), every tenth invalid.</summary>
    internal static long WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024 * 1024);
    }

    internal static StreamOffersRequest CheapItem(int i)
    {
        var request = Requests.Valid();
        request.RequestId = $"r-{i}";
        request.Account.AccountId = $"ACC-{i}";
        request.Inquiry.Reason = Reason.Dispute;
        if (i % 10 == 9)
        {
            request.Account.DaysPastDue = -1;
        }

        return new StreamOffersRequest { ItemId = $"item-{i}", Request = request };
    }


    [Fact]
    public async Task Items_with_bad_input_and_failures_get_their_own_error_and_the_stream_goes_on()
    {
        using var call = server.Client.Offers.StreamOffers();
        var send = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await call.RequestStream.WriteAsync(CheapItem(i));
            }

            await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "no-request" });
            await call.RequestStream.CompleteAsync();
        });
        var answers = new Dictionary<string, StreamOffersResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer.ItemId, answer);
        }

        await send;
        Assert.Equal(51, answers.Count);
        Assert.Equal(6, answers.Values.Count(a => a.Error is { Code: "INVALID_ARGUMENT" }));
        Assert.Contains(answers["item-9"].Error.Violations, v => v.Field == "request.account.days_past_due");
        Assert.Equal("request", Assert.Single(answers["no-request"].Error.Violations).Field);
        Assert.All(answers.Values.Where(a => a.ResultCase == StreamOffersResponse.ResultOneofCase.Response),
            a => Assert.Equal(Outcome.ReviewRequired, a.Response.Outcome));
    }

    /// <summary>
    /// Real searches: varied balances and capacities through the CP-SAT engine. 8 items by default to keep the suite
    /// short; NEGOCIACION_STREAM_REAL_ITEMS sets another count for a measurement.
    /// </summary>
    [Fact]
    public async Task Real_searches_stream_through_with_every_item_answered()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("NEGOCIACION_STREAM_REAL_ITEMS"), out var n) ? n : 8;
        var clock = Stopwatch.StartNew();
        using var call = server.Client.Offers.StreamOffers();
        var send = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var request = Requests.Valid();
                request.Account.AccountId = $"ACC-{i}";
                request.Account.PrincipalMinor = 50_000_000 + (i % 37 * 10_000_000);
                request.Account.DaysPastDue = 30 + (i % 200);
                request.Inquiry.MonthlyIncomeMinor = 300_000_000 + (i % 11 * 20_000_000);
                await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = $"real-{i}", Request = request });
            }

            await call.RequestStream.CompleteAsync();
        });

        var outcomes = new List<Outcome>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            Assert.Null(answer.Error);
            outcomes.Add(answer.Response.Outcome);
        }

        await send;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{count} real items in {clock.Elapsed.TotalSeconds:F1} s, {outcomes.Count(o => o == Outcome.Offers)} with offers; " +
            $"working set {WorkingSetMb()} MB, process peak {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        Assert.Equal(count, outcomes.Count);
        Assert.Contains(Outcome.Offers, outcomes);
    }
}
