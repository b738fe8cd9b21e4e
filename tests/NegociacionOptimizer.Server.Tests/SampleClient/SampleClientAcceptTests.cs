using Google.Protobuf;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.SampleClient;

/// <summary>The sample client's <c>--accept RANK</c> against a real server with a ledger (its clock on the samples' day).</summary>
public sealed class SampleClientAcceptTests(LedgerServerFixture fixture) : IClassFixture<LedgerServerFixture>
{
    private static GenerateOffersRequest Request(string accountId)
    {
        var request = Requests.FromFile("forgot-to-pay.json");
        request.Account.AccountId = accountId;
        return request;
    }

    private static string RequestFor(string accountId)
    {
        var request = Request(accountId);
        var path = Path.Combine(TempDataFolder.New(), "request.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonFormatter.Default.Format(request));
        return path;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SampleClientCli.RunAsync([.. args, "--address", fixture.Server.Host.Address.ToString()], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Accept_records_the_offer_of_that_rank_as_a_plan_and_prints_it()
    {
        var (code, output, error) = await RunAsync(RequestFor("sample-accept"), "--accept", "2");

        Assert.True(code == 0, error);
        var plan = Assert.Single((await fixture.Server.Plans.ListPlansAsync(new ListPlansRequest { AccountId = "sample-accept" })).Plans);
        Assert.Contains($"plan {plan.PlanId} (Active), offer {plan.OfferId}", output, StringComparison.Ordinal);
        // The same request gives the same offers with the same ids: the plan is the one of rank 2.
        var offers = (await fixture.Server.Client.GenerateAsync(Request("sample-accept"))).Response!.Offers;
        Assert.Equal(plan.OfferId, offers.Single(o => o.Rank == 2).OfferId);
    }

    [Fact]
    public async Task Accept_of_a_rank_not_offered_exits_2_and_records_no_plan()
    {
        var (code, _, error) = await RunAsync(RequestFor("sample-no-rank"), "--accept", "9");

        Assert.Equal(2, code);
        Assert.Contains("no offer of rank 9", error, StringComparison.Ordinal);
        Assert.Empty((await fixture.Server.Plans.ListPlansAsync(new ListPlansRequest { AccountId = "sample-no-rank" })).Plans);
    }
}
