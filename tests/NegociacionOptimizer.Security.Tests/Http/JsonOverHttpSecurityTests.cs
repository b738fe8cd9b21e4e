using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Http;

/// <summary>
/// The HTTP port obeys the same callers and roles as gRPC: no credential is 401, a role too low is 403 (each with the
/// one fixed message as a JSON status), an API key or a pinned client certificate is let in; over TLS both HTTP/1.1 and
/// HTTP/2 are spoken.
/// </summary>
public class JsonOverHttpSecurityTests
{
    private static HttpClient Client(SecureServer server, string? apiKey = null, X509Certificate2? certificate = null, Version? version = null)
    {
        var handler = new SocketsHttpHandler();
        if (server.Transport == Transport.Tls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(TestCertificates.Server.RawData);
        }

        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        var client = new HttpClient(handler) { BaseAddress = server.Host.HttpAddresses[0] };
        client.DefaultRequestVersion = version ?? HttpVersion.Version11;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, Version Version)> GenerateAsync(HttpClient client)
    {
        var json = File.ReadAllText(Path.Combine(Requests.RepositoryRoot, "samples", "requests", "forgot-to-pay.json"));
        using var response = await client.PostAsync("/v1/offers:generate", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Version);
    }

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Without_a_credential_the_http_port_answers_401_and_with_an_agent_key_the_offers(Transport transport)
    {
        await using var server = await SecureServer.StartAsync(transport);
        Assert.Equal(transport == Transport.Tls ? "https" : "http", server.Host.HttpAddresses[0].Scheme);
        using var anonymous = Client(server);
        var (refused, status, _) = await GenerateAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.Equal(16, status.GetProperty("code").GetInt32());

        using var agent = Client(server, Credentials.AgentKey);
        var (answered, body, _) = await GenerateAsync(agent);
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.NotEmpty(body.GetProperty("offers").EnumerateArray());

        using var policies = await agent.GetAsync("/v1/policies");
        Assert.Equal(HttpStatusCode.Forbidden, policies.StatusCode);
        using var analyst = Client(server, Credentials.AnalystKey);
        using var listed = await analyst.GetAsync("/v1/policies");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task A_pinned_client_certificate_is_let_in_over_http_2_and_a_stranger_is_not()
    {
        await using var server = await SecureServer.StartAsync(Transport.Tls);
        using var agent = Client(server, certificate: TestCertificates.AgentClient, version: HttpVersion.Version20);
        var (answered, _, version) = await GenerateAsync(agent);
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Equal(HttpVersion.Version20, version);

        using var stranger = Client(server, certificate: TestCertificates.Stranger);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GenerateAsync(stranger)).Status);
    }

    [Fact]
    public async Task The_openapi_document_is_open_like_reflection()
    {
        await using var server = await SecureServer.StartAsync(Transport.H2c);
        using var anonymous = Client(server);
        using var document = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
