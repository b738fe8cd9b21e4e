using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Security;
using NegociacionOptimizer.Server.Security.Authentication;

namespace NegociacionOptimizer.Security.Tests.Authentication;

/// <summary>SPEC §7's roles through the real server, with API keys, over h2c and TLS.</summary>
public class RoleTests(ServerPair servers) : IClassFixture<ServerPair>
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_call_without_credentials_or_with_an_unknown_key_is_unauthenticated_with_one_fixed_message(Transport transport)
    {
        var server = servers[transport];
        foreach (var key in new[] { null, "not-a-key", Credentials.AgentKey + "x" })
        {
            using var client = server.Client(key);
            var offers = await client.GenerateAsync(Requests.Generate());
            Assert.Equal(StatusCode.Unauthenticated, offers.Failure!.Code);
            Assert.Equal(GrpcAuthorizationResultHandler.UnauthenticatedMessage, offers.Failure.Message);
            var policies = await Assert.ThrowsAsync<RpcException>(() => client.Policies.ListPoliciesAsync(new ListPoliciesRequest()).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, policies.StatusCode);
            Assert.Equal(GrpcAuthorizationResultHandler.UnauthenticatedMessage, policies.Status.Detail);
            Func<Task>[] planCalls =
            [
                () => client.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "k", Offer = new Offer { OfferId = "o" } }).ResponseAsync,
                () => client.Plans.RecordPaymentAsync(new RecordPaymentRequest { IdempotencyKey = "k", PlanId = "p" }).ResponseAsync,
                () => client.Plans.ReportBreakAsync(new ReportBreakRequest { IdempotencyKey = "k", PlanId = "p" }).ResponseAsync,
                () => client.Plans.GetPlanAsync(new GetPlanRequest { PlanId = "p" }).ResponseAsync,
                () => client.Plans.ListPlansAsync(new ListPlansRequest { AccountId = "a" }).ResponseAsync,
            ];
            foreach (var call in planCalls)
            {
                var plans = await Assert.ThrowsAsync<RpcException>(call);
                Assert.Equal(StatusCode.Unauthenticated, plans.StatusCode);
                Assert.Equal(GrpcAuthorizationResultHandler.UnauthenticatedMessage, plans.Status.Detail);
            }
        }
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_agent_accepts_an_offer_and_reads_the_plan_and_a_caller_without_credentials_is_unauthenticated(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        using var nobody = servers[transport].Client();
        var request = Requests.Generate();
        request.Account.AccountId = "role-plan-" + transport;
        var offer = (await agent.GenerateAsync(request)).Response!.Offers[0];

        var plan = (await agent.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "role-" + transport, Offer = offer })).Plan;
        var read = await agent.Plans.GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId });
        var refused = await Assert.ThrowsAsync<RpcException>(() => nobody.Plans.GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId }).ResponseAsync);

        Assert.Equal(PlanStatus.Active, read.Plan.Status);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(GrpcAuthorizationResultHandler.UnauthenticatedMessage, refused.Status.Detail);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_agent_gets_offers_on_a_named_policy_and_is_denied_the_policy_service_alike_for_known_and_unknown_policies(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        var offers = await agent.GenerateAsync(Requests.Generate());
        Assert.Null(offers.Failure);
        Assert.NotEmpty(offers.Response!.Offers);

        var known = await Assert.ThrowsAsync<RpcException>(() => agent.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "default" }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => agent.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "no-such-policy" }).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => agent.Policies.ListPoliciesAsync(new ListPoliciesRequest()).ResponseAsync);
        var validate = await Assert.ThrowsAsync<RpcException>(() => agent.Policies.ValidatePolicyAsync(new ValidatePolicyRequest { PolicyJson = "{}" }).ResponseAsync);
        foreach (var denied in new[] { known, unknown, list, validate })
        {
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.Equal(GrpcAuthorizationResultHandler.DeniedMessage, denied.Status.Detail);
        }
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_agent_sending_an_inline_policy_is_denied_with_the_same_answer_whatever_the_policy_or_account(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        var generous = Requests.Generate();
        generous.Policy = new Policy { MaxDiscountFeesBp = 9999, MaxEffectiveAnnualRateBp = 50000 };
        var invalid = Requests.Generate();
        invalid.Account.AccountId = "someone-else";
        invalid.Policy = new Policy { Id = "no-such-policy", MaxTermMonths = 500 };
        var proposal = Requests.Proposal();
        proposal.Policy = new Policy();

        var first = (await agent.GenerateAsync(generous)).Failure!;
        var second = (await agent.GenerateAsync(invalid)).Failure!;
        var third = (await agent.EvaluateAsync(proposal)).Failure!;
        foreach (var denied in new[] { first, second, third })
        {
            Assert.Equal(StatusCode.PermissionDenied, denied.Code);
            Assert.Equal(Permissions.InlinePolicyMessage, denied.Message);
            Assert.Empty(denied.Violations);
        }
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_agent_streaming_an_inline_policy_gets_that_item_denied_and_the_others_answered(Transport transport)
    {
        using var agent = servers[transport].Client(Credentials.AgentKey);
        using var call = agent.Offers.StreamOffers();
        var inline = Requests.Generate();
        inline.Policy = new Policy();
        await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "named", Request = Requests.Generate() });
        await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "inline", Request = inline });
        await call.RequestStream.CompleteAsync();
        var answers = new Dictionary<string, StreamOffersResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers[answer.ItemId] = answer;
        }

        Assert.NotEmpty(answers["named"].Response.Offers);
        Assert.Equal("PERMISSION_DENIED", answers["inline"].Error.Code);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task An_analyst_and_an_admin_may_send_inline_policies_and_use_the_policy_service(Transport transport)
    {
        foreach (var key in new[] { Credentials.AnalystKey, Credentials.AdminKey })
        {
            using var client = servers[transport].Client(key);
            var inline = Requests.Generate();
            inline.Policy = new Policy();
            var offers = await client.GenerateAsync(inline);
            Assert.Null(offers.Failure);
            Assert.Equal("inline", offers.Response!.Policy.Arm);
            Assert.NotEmpty((await client.Policies.ListPoliciesAsync(new ListPoliciesRequest())).Policies);
            Assert.Equal("default", (await client.Policies.GetPolicyAsync(new GetPolicyRequest { PolicyId = "default" })).Policy.Id);
        }
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Every_role_may_use_every_plan_service_call(Transport transport)
    {
        foreach (var (key, name) in new[] { (Credentials.AgentKey, "agent"), (Credentials.AnalystKey, "analyst"), (Credentials.AdminKey, "admin") })
        {
            using var client = servers[transport].Client(key);
            var request = Requests.Generate();
            request.Account.AccountId = $"role-{name}-{transport}";
            var offer = (await client.GenerateAsync(request)).Response!.Offers[0];

            var plan = (await client.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = $"accept-{name}-{transport}", Offer = offer })).Plan;
            var first = plan.Schedule[0];
            var paid = await client.Plans.RecordPaymentAsync(new RecordPaymentRequest
            {
                IdempotencyKey = $"pay-{name}-{transport}", PlanId = plan.PlanId, Installment = first.Number, Outcome = PaymentOutcome.Paid,
                OnDate = first.DueDate, AmountMinor = first.AmountMinor,
            });
            var listed = await client.Plans.ListPlansAsync(new ListPlansRequest { AccountId = request.Account.AccountId });
            var broken = await client.Plans.ReportBreakAsync(new ReportBreakRequest { IdempotencyKey = $"break-{name}-{transport}", PlanId = plan.PlanId, BrokeOn = first.DueDate });
            var read = await client.Plans.GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId });

            Assert.Equal(first.AmountMinor, paid.Plan.PaidMinor);
            Assert.Equal(plan.PlanId, Assert.Single(listed.Plans).PlanId);
            Assert.Equal(PlanStatus.Broken, broken.Plan.Status);
            Assert.Equal(PlanStatus.Broken, read.Plan.Status);
        }
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task The_key_may_also_come_in_the_authorization_header(Transport transport)
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(servers[transport].Address, new Grpc.Net.Client.GrpcChannelOptions
        {
            HttpHandler = Handler(transport),
        });
        var client = new PolicyService.PolicyServiceClient(channel);
        var headers = new Metadata { { "authorization", "ApiKey " + Credentials.AnalystKey } };
        Assert.NotEmpty((await client.ListPoliciesAsync(new ListPoliciesRequest(), headers)).Policies);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Health_and_reflection_answer_without_credentials(Transport transport)
    {
        using var channel = servers[transport].Channel();
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status);
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "negociacion.v1.OfferService");
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Reflection_can_be_turned_off_and_is_then_unimplemented(Transport transport)
    {
        await using var server = await SecureServer.StartAsync(transport, folder => Credentials.Standard(transport, folder, reflection: false));
        using var channel = server.Channel(Credentials.AdminKey);
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo();
        // No request written: the server answers before reading one, and a write racing that answer would fail first.
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    private static SocketsHttpHandler Handler(Transport transport)
    {
        var handler = new SocketsHttpHandler();
        if (transport == Transport.Tls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(TestCertificates.Server.RawData);
        }

        return handler;
    }
}
