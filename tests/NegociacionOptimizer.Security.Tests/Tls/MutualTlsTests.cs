using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Security.Tests.Tls;

/// <summary>gRPC over TLS with the certificate from configuration (PEM or PFX), and client certificates mapped to roles.</summary>
public class MutualTlsTests(ServerPair servers) : IClassFixture<ServerPair>
{
    [Fact]
    public async Task A_pinned_agent_certificate_gets_offers_and_is_denied_the_policy_service()
    {
        var server = servers[Transport.Tls];
        Assert.Equal("https", server.Address.Scheme);
        using var agent = server.Client(certificate: TestCertificates.AgentClient);
        Assert.NotEmpty((await agent.GenerateAsync(Requests.Generate())).Response!.Offers);
        var denied = await Assert.ThrowsAsync<RpcException>(() => agent.Policies.ListPoliciesAsync(new ListPoliciesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task A_pinned_analyst_certificate_may_use_the_policy_service()
    {
        using var analyst = servers[Transport.Tls].Client(certificate: TestCertificates.AnalystClient);
        Assert.NotEmpty((await analyst.Policies.ListPoliciesAsync(new ListPoliciesRequest())).Policies);
    }

    [Fact]
    public async Task A_certificate_nobody_pinned_is_unauthenticated()
    {
        using var stranger = servers[Transport.Tls].Client(certificate: TestCertificates.Stranger);
        Assert.Equal(StatusCode.Unauthenticated, (await stranger.GenerateAsync(Requests.Generate())).Failure!.Code);
    }

    [Fact]
    public async Task A_pfx_certificate_serves_https_too()
    {
        await using var server = await SecureServer.StartAsync(Transport.Tls, folder =>
        {
            var standard = Credentials.Standard(Transport.Tls, folder);
            return new SecurityOptions
            {
                ApiKeys = standard.ApiKeys,
                OfferSigning = standard.OfferSigning,
                Certificate = new CertificateFile { Path = TestCertificates.WritePfx(TestCertificates.Server, folder, "pfx-pass"), Password = "pfx-pass" },
            };
        });
        using var client = server.Client(Credentials.AgentKey);
        Assert.NotEmpty((await client.GenerateAsync(Requests.Generate())).Response!.Offers);
    }

    [Fact]
    public async Task An_https_url_on_loopback_serves_grpc_over_tls_with_alpn()
    {
        await using var server = await SecureServer.StartAsync(
            Transport.Tls, options: o => o with { Urls = "https://127.0.0.1:0" });
        Assert.Equal("https", server.Address.Scheme);
        using var client = server.Client(Credentials.AgentKey);
        Assert.NotEmpty((await client.GenerateAsync(Requests.Generate())).Response!.Offers);
    }
}
