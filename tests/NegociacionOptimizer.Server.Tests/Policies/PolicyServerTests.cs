using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Policies;

/// <summary>The real server serving a policies folder with a champion/challenger pair.</summary>
public sealed class PolicyServerTests : IAsyncLifetime, IDisposable
{
    private readonly TempPolicyFolder _folder = new();
    private ServerHost? _host;
    private OfferClient _client = null!;

    public async Task InitializeAsync()
    {
        var champion = TempPolicyFolder.Policy("co-champion", version: 2);
        champion.Challenger = new Api.V1.Challenger { PolicyId = "co-challenger", ShareBp = 5_000 };
        _folder.Write(champion);
        var challenger = TempPolicyFolder.Policy("co-challenger", version: 4);
        challenger.MaxTermMonths = 12;
        _folder.Write(challenger);
        _host = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, PoliciesFolder = _folder.Path });
        _client = new OfferClient(_host.Address);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _folder.Dispose();
    }

    private static string AccountFor(bool challenger) =>
        Enumerable.Range(0, 1_000).Select(i => $"ACC-{i}")
            .First(id => ChallengerSplit.IsChallenger(id, "co-champion", new BasisPoints(5_000)) == challenger);

    [Fact]
    public async Task Policies_from_the_folder_are_listed_with_their_file_as_source()
    {
        var list = await _client.Policies.ListPoliciesAsync(new ListPoliciesRequest());
        Assert.Equal(
            [("co-challenger", 4, "co-challenger.json"), ("co-champion", 2, "co-champion.json"), ("default", 1, "built-in")],
            list.Policies.Select(p => (p.Id, p.Version, p.Source)));
    }

    [Theory]
    [InlineData(false, "co-champion", 2, "champion")]
    [InlineData(true, "co-challenger", 4, "challenger")]
    public async Task Every_offer_says_which_policy_version_and_arm_produced_it(bool challenger, string id, int version, string arm)
    {
        var request = Requests.Valid();
        request.PolicyId = "co-champion";
        request.Account.AccountId = AccountFor(challenger);

        var result = await _client.GenerateAsync(request);

        var response = Assert.IsType<GenerateOffersResponse>(result.Response);
        Assert.Equal((id, version, arm), (response.Policy.PolicyId, response.Policy.Version, response.Policy.Arm));
        Assert.NotEmpty(response.Offers);
        Assert.All(response.Offers, o => Assert.Equal((id, version, arm), (o.Policy.PolicyId, o.Policy.Version, o.Policy.Arm)));
    }

    [Fact]
    public async Task A_proposal_is_judged_by_the_same_arm_as_the_offers()
    {
        var offers = Requests.Valid();
        var request = new EvaluateProposalRequest
        {
            Account = offers.Account,
            Inquiry = offers.Inquiry,
            PolicyId = "co-champion",
            Proposal = new Proposal { Installments = 6, Frequency = Frequency.Monthly },
        };
        request.Account.AccountId = AccountFor(challenger: true);

        var result = await _client.EvaluateAsync(request);

        var response = Assert.IsType<EvaluateProposalResponse>(result.Response);
        Assert.Equal(("co-challenger", "challenger"), (response.Policy.PolicyId, response.Policy.Arm));
    }

    [Fact]
    public async Task Validate_policy_judges_a_document_against_the_policies_the_server_holds()
    {
        var stale = TempPolicyFolder.Policy("co-champion", version: 1);
        var response = await _client.Policies.ValidatePolicyAsync(new ValidatePolicyRequest { PolicyJson = TempPolicyFolder.Json(stale) });

        Assert.False(response.Valid);
        Assert.Equal("version", Assert.Single(response.Problems).Field);
    }
}
