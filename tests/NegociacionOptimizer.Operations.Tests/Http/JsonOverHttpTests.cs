using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Security;
using NegociacionOptimizer.Server.Tests.Support;
namespace NegociacionOptimizer.Operations.Tests.Http;

/// <summary>
/// Every JSON-over-HTTP route with a plain HttpClient (HTTP/1.1, no gRPC): the same answers as gRPC, errors as HTTP
/// statuses with the same field violations, and the OpenAPI document listing every route.
/// </summary>
public sealed class JsonOverHttpTests(HttpServerFixture server) : IClassFixture<HttpServerFixture>
{
    private static readonly string[] Routes =
    [
        "POST /v1/offers:generate", "POST /v1/proposals:evaluate", "POST /v1/offers:verify",
        "GET /v1/policies", "GET /v1/policies/{policyId}", "POST /v1/policies:validate",
        "POST /v1/plans:accept", "POST /v1/plans/{planId}/payments", "POST /v1/plans/{planId}:break", "GET /v1/plans/{planId}",
        "POST /v1/plans:list",
    ];

    private static string Sample(string name) => File.ReadAllText(Path.Combine(Programs.RepositoryRoot, "samples", "requests", name));

    private Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null) =>
        SendAsync(server.Http, method, path, json);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(new Version(1, 1), response.Version);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Generate_over_http_answers_the_same_offers_as_grpc()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/offers:generate", Sample("forgot-to-pay.json"));
        Assert.Equal(HttpStatusCode.OK, status);
        var overHttp = JsonParser.Default.Parse<GenerateOffersResponse>(body.GetRawText());
        using var client = new OfferClient(server.Host.Address);
        var overGrpc = (await client.GenerateAsync(OfferClient.ReadJson<GenerateOffersRequest>(
            Path.Combine(Programs.RepositoryRoot, "samples", "requests", "forgot-to-pay.json")))).Response!;
        Assert.NotEmpty(overHttp.Offers);
        Assert.Equal(overGrpc.Offers.Select(o => o.OfferId), overHttp.Offers.Select(o => o.OfferId));
        Assert.Equal(overGrpc.Offers.Select(o => o.Score), overHttp.Offers.Select(o => o.Score));
    }

    [Fact]
    public async Task Evaluate_and_verify_over_http_answer()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/proposals:evaluate", Sample("proposal-acceptable.json"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("VERDICT_ACCEPTABLE", body.GetProperty("verdict").GetString());

        var (_, generated) = await SendAsync(HttpMethod.Post, "/v1/offers:generate", Sample("forgot-to-pay.json"));
        var offer = generated.GetProperty("offers")[0].GetRawText();
        // The sample's valuation date is past, so its offers have expired: the signature was checked first.
        var (verified, verdict) = await SendAsync(HttpMethod.Post, "/v1/offers:verify", $$"""{ "offer": {{offer}} }""");
        Assert.Equal(HttpStatusCode.OK, verified);
        Assert.Equal("OFFER_REFUSAL_EXPIRED", verdict.GetProperty("refusal").GetString());
        var altered = offer.Replace("\"signature\":\"", "\"signature\":\"AAAA", StringComparison.Ordinal);
        var (_, refused) = await SendAsync(HttpMethod.Post, "/v1/offers:verify", $$"""{ "offer": {{altered}} }""");
        Assert.Equal("OFFER_REFUSAL_ALTERED", refused.GetProperty("refusal").GetString());
    }

    [Fact]
    public async Task Policies_are_listed_read_and_validated_over_http()
    {
        var (listed, list) = await SendAsync(HttpMethod.Get, "/v1/policies");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains("co-tarjetas", list.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        var (read, policy) = await SendAsync(HttpMethod.Get, "/v1/policies/co-tarjetas");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("co-tarjetas", policy.GetProperty("policy").GetProperty("id").GetString());

        var (missing, notFound) = await SendAsync(HttpMethod.Get, "/v1/policies/no-such-policy");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(5, notFound.GetProperty("code").GetInt32());

        var document = File.ReadAllText(Path.Combine(Programs.RepositoryRoot, "policies", "co-tarjetas.json"));
        var (validated, problems) = await SendAsync(HttpMethod.Post, "/v1/policies:validate", $$"""{ "policy": {{document}} }""");
        Assert.Equal(HttpStatusCode.OK, validated);
        Assert.True(problems.GetProperty("valid").GetBoolean(), problems.GetRawText());
    }

    [Fact]
    public async Task A_plan_is_accepted_paid_read_listed_and_broken_over_http_and_a_refusal_keeps_its_precondition_failure()
    {
        // The sample requests are valued on 2026-11-20: the offer is still open on the server's clock of that day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, DrainDelayMs = 0 },
            s => s.AddSingleton(new SecurityClock(clock)));
        using var http = new HttpClient { BaseAddress = host.HttpAddresses[0] };
        var request = Sample("forgot-to-pay.json");
        var (_, generated) = await SendAsync(http, HttpMethod.Post, "/v1/offers:generate", request);
        var offer = generated.GetProperty("offers")[0].GetRawText();

        var accept = $$"""{ "idempotencyKey": "http-accept", "offer": {{offer}} }""";
        var (accepted, plan) = await SendAsync(http, HttpMethod.Post, "/v1/plans:accept", accept);
        Assert.Equal(HttpStatusCode.OK, accepted);
        var planId = plan.GetProperty("plan").GetProperty("planId").GetString()!;
        Assert.Equal("PLAN_STATUS_ACTIVE", plan.GetProperty("plan").GetProperty("status").GetString());
        var (_, replayed) = await SendAsync(http, HttpMethod.Post, "/v1/plans:accept", accept);
        Assert.True(replayed.GetProperty("replayed").GetBoolean());

        var first = plan.GetProperty("plan").GetProperty("schedule")[0];
        var payment = $$"""
            { "idempotencyKey": "http-pay", "installment": {{first.GetProperty("number").GetInt32()}}, "outcome": "PAYMENT_OUTCOME_PAID",
              "onDate": "{{first.GetProperty("dueDate").GetString()}}", "amountMinor": {{first.GetProperty("amountMinor").GetRawText()}} }
            """;
        var (paid, afterPayment) = await SendAsync(http, HttpMethod.Post, $"/v1/plans/{planId}/payments", payment);
        Assert.Equal(HttpStatusCode.OK, paid);
        Assert.Equal(first.GetProperty("amountMinor").GetRawText(), afterPayment.GetProperty("plan").GetProperty("paidMinor").GetRawText());

        var (read, got) = await SendAsync(http, HttpMethod.Get, $"/v1/plans/{planId}?language=en");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("PAYMENT_STATE_PAID", got.GetProperty("plan").GetProperty("schedule")[0].GetProperty("state").GetString());
        var accountId = JsonDocument.Parse(request).RootElement.GetProperty("account").GetProperty("accountId").GetString();
        var (listed, list) = await SendAsync(http, HttpMethod.Post, "/v1/plans:list", $$"""{ "accountId": "{{accountId}}" }""");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal(planId, Assert.Single(list.GetProperty("plans").EnumerateArray()).GetProperty("planId").GetString());

        var (broken, closed) = await SendAsync(http, HttpMethod.Post, $"/v1/plans/{planId}:break", """{ "idempotencyKey": "http-break", "brokeOn": "2027-06-01" }""");
        Assert.Equal(HttpStatusCode.OK, broken);
        Assert.Equal("PLAN_STATUS_BROKEN", closed.GetProperty("plan").GetProperty("status").GetString());
        var (refused, refusal) = await SendAsync(http, HttpMethod.Post, $"/v1/plans/{planId}/payments", payment.Replace("http-pay", "http-pay-again", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(9, refusal.GetProperty("code").GetInt32());
        var detail = Assert.Single(refusal.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.PreconditionFailure", detail.GetProperty("@type").GetString());
        Assert.Equal("PLAN_CLOSED", detail.GetProperty("violations")[0].GetProperty("type").GetString());
        var (missing, _) = await SendAsync(http, HttpMethod.Get, "/v1/plans/no-such-plan");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Bad_input_is_400_with_the_same_field_violations_as_grpc()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/offers:generate", Sample("bad-request.json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(3, body.GetProperty("code").GetInt32());
        var detail = Assert.Single(body.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        var overHttp = detail.GetProperty("fieldViolations").EnumerateArray()
            .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("description").GetString()!)).ToList();

        using var client = new OfferClient(server.Host.Address);
        var failure = (await client.GenerateAsync(OfferClient.ReadJson<GenerateOffersRequest>(
            Path.Combine(Programs.RepositoryRoot, "samples", "requests", "bad-request.json")))).Failure!;
        Assert.True(overHttp.Count > 1);
        Assert.Equal(failure.Violations, overHttp);
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/offers:generate", """{ "account": { "principalMinor": "lots" """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(3, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_body_over_the_request_limit_is_refused_before_it_is_read_whole()
    {
        var notes = new string('x', ServerOptions.DefaultMaxRequestBytes);
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/offers:generate", $$"""{ "inquiry": { "notes": "{{notes}}" } }""");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(8, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route()
    {
        var (status, document) = await SendAsync(HttpMethod.Get, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document.GetProperty("paths");
        var listed = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        foreach (var route in Routes)
        {
            Assert.Contains(route, listed);
        }
    }

    [Fact]
    public async Task Grpc_and_http_listen_on_their_own_ports()
    {
        Assert.NotEqual(server.Host.Address.Port, server.Host.HttpAddresses[0].Port);
        await using var grpcOnly = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpEnabled = false, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, DrainDelayMs = 0 });
        Assert.Empty(grpcOnly.HttpAddresses);
    }
}
