using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Integration;

public class ServiceSurfaceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Health_check_reports_serving()
    {
        var health = new Health.HealthClient(server.Client.Channel);
        var reply = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_lists_both_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(server.Client.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("negociacion.v1.OfferService", names);
        Assert.Contains("negociacion.v1.PolicyService", names);
    }

    [Fact]
    public async Task The_built_in_policy_is_listed_and_returned_with_every_default()
    {
        var list = await server.Client.Policies.ListPoliciesAsync(new ListPoliciesRequest());
        var summary = Assert.Single(list.Policies);
        Assert.Equal(("default", "COP", "built-in"), (summary.Id, summary.Currency, summary.Source));

        var policy = (await server.Client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "default" })).Policy;
        Assert.Equal(5_000_000, policy.MinInstallmentMinor);
        Assert.Equal(2552, policy.MaxEffectiveAnnualRateBp);
        Assert.NotEmpty(policy.PrincipalDiscount.Tiers);
        Assert.NotEmpty(policy.Behaviour.Hazard);
    }

    [Fact]
    public async Task An_unknown_policy_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Validate_policy_lists_every_problem_of_a_json_document()
    {
        const string json = """{ "id": "Bad Id", "version": 0, "currency": "COP", "maxTermMonths": 200, "maxBurdenBp": 0 }""";
        var reply = await server.Client.Policies.ValidatePolicyAsync(new ValidatePolicyRequest { PolicyJson = json });
        Assert.False(reply.Valid);
        Assert.Equal(["id", "version", "max_term_months", "max_burden_bp"], reply.Problems.Select(p => p.Field));
        Assert.Null(reply.Normalized);
    }

    [Fact]
    public async Task Validate_policy_normalizes_a_valid_document()
    {
        var reply = await server.Client.Policies.ValidatePolicyAsync(new ValidatePolicyRequest
        {
            Policy = new Api.V1.Policy { Id = "cautious", Version = 3, Currency = "ARS", Country = "AR", MaxTermMonths = 18 },
        });
        Assert.True(reply.Valid);
        Assert.Equal(18, reply.Normalized.MaxTermMonths);
        Assert.Equal(100, reply.Normalized.RoundingUnitMinor);
        Assert.Equal("AR", reply.Normalized.Country);
    }

    [Fact]
    public async Task Validate_policy_reports_unparsable_json()
    {
        var reply = await server.Client.Policies.ValidatePolicyAsync(new ValidatePolicyRequest { PolicyJson = "{ \"maxTermMonthz\": 1 }" });
        Assert.False(reply.Valid);
        Assert.Equal("policy_json", Assert.Single(reply.Problems).Field);
    }

    [Fact]
    public async Task A_stream_answers_good_and_bad_items_and_goes_on()
    {
        using var call = server.Client.Offers.StreamOffers();
        var bad = Requests.FromFile("forgot-to-pay.json");
        bad.Inquiry.PayDay = new PayDay { DayOfMonth = 0 };
        var items = new[]
        {
            new StreamOffersRequest { ItemId = "good-1", Request = Requests.FromFile("forgot-to-pay.json") },
            new StreamOffersRequest { ItemId = "bad-1", Request = bad },
            new StreamOffersRequest { ItemId = "good-2", Request = Requests.FromFile("job-loss-small-lump-sum.json") },
        };
        foreach (var item in items)
        {
            await call.RequestStream.WriteAsync(item);
        }

        await call.RequestStream.CompleteAsync();
        var answers = new Dictionary<string, StreamOffersResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers[answer.ItemId] = answer;
        }

        Assert.Equal(3, answers.Count);
        Assert.Equal(Outcome.Offers, answers["good-1"].Response.Outcome);
        Assert.Equal(Outcome.Offers, answers["good-2"].Response.Outcome);
        var error = answers["bad-1"].Error;
        Assert.Equal("INVALID_ARGUMENT", error.Code);
        Assert.Equal("request.inquiry.pay_day.day_of_month", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task The_sample_proposal_is_acceptable_with_its_full_offer()
    {
        var request = OfferClient.ReadJson<EvaluateProposalRequest>(Requests.Sample("proposal-acceptable.json"));
        var response = (await server.Client.EvaluateAsync(request)).Response!;
        Assert.Equal(Verdict.Acceptable, response.Verdict);
        Assert.Empty(response.Violations);
        Assert.Equal(6, response.AcceptedOffer.Schedule.Count);
        Assert.Equal(40_000_000, response.AcceptedOffer.DownPaymentMinor);
        Assert.Empty(response.CounterOffers);
        Assert.Contains("Acceptable", OfferTable.Render(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposal_above_capacity_is_not_acceptable_with_every_violation()
    {
        var request = OfferClient.ReadJson<EvaluateProposalRequest>(Requests.Sample("proposal-acceptable.json"));
        request.Proposal = new Proposal { DownPaymentMinor = 180_000_000, Installments = 1, DiscountBp = 9000 };
        var response = (await server.Client.EvaluateAsync(request)).Response!;
        Assert.Equal(Verdict.NotAcceptable, response.Verdict);
        var codes = response.Violations.Select(v => v.Code).ToList();
        Assert.Contains("LUMP_SUM", codes);
        Assert.Contains("DISCOUNT_LIMIT", codes);
        Assert.Null(response.AcceptedOffer);
    }

    [Fact]
    public async Task A_fraud_claim_proposal_requires_review()
    {
        var request = OfferClient.ReadJson<EvaluateProposalRequest>(Requests.Sample("proposal-acceptable.json"));
        request.Inquiry.Reason = Reason.FraudClaim;
        var response = (await server.Client.EvaluateAsync(request)).Response!;
        Assert.Equal(Verdict.ReviewRequired, response.Verdict);
    }
}
