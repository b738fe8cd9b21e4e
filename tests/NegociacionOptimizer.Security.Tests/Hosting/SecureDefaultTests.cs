using System.Diagnostics;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Security.Tests.Hosting;

/// <summary>Secure by default: the local admin on loopback, and no start on another address without credentials and TLS.</summary>
public class SecureDefaultTests
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task Without_credentials_on_loopback_every_local_call_is_the_admin_and_the_start_says_so_once(Transport transport)
    {
        await using var server = await SecureServer.StartAsync(
            transport, folder => new SecurityOptions { Certificate = Credentials.Standard(transport, folder).Certificate });
        using var client = server.Client();
        var inline = Requests.Generate();
        inline.Policy = new Policy();

        Assert.Null((await client.GenerateAsync(inline)).Failure);
        Assert.NotEmpty((await client.Policies.ListPoliciesAsync(new ListPoliciesRequest())).Policies);
        Assert.Single(server.Logs.Lines, l => l.Contains("No caller credentials configured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", false, false, "without caller credentials")]
    [InlineData("http://0.0.0.0:0", true, false, "without TLS")]
    [InlineData("https://[::]:0", false, true, "without caller credentials")]
    [InlineData("http://127.0.0.1:0;http://192.0.2.1:0", true, true, "without TLS")]
    [InlineData("https://127.0.0.1:0", false, false, "needs a server certificate")]
    public void A_listener_that_would_expose_the_service_is_refused_with_a_one_line_reason(string urls, bool keys, bool certificate, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("negociacion-refused-").FullName;
        try
        {
            var standard = Credentials.Standard(Transport.Tls, folder);
            var security = new SecurityOptions
            {
                ApiKeys = keys ? standard.ApiKeys : [],
                Certificate = certificate ? standard.Certificate : null,
            };
            var refused = Assert.Throws<StartupRefusedException>(() => ServerHost.Build(
                new ServerOptions { Urls = urls, Security = security, DataFolder = Path.Combine(folder, "data") }));
            Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', refused.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Any_address_with_keys_and_tls_is_allowed()
    {
        await using var server = await SecureServer.StartAsync(Transport.Tls, options: o => o with { Urls = "https://0.0.0.0:0" });
        using var client = new OfferClient(
            new Uri($"https://127.0.0.1:{server.Address.Port}"), Credentials.For(Transport.Tls, Credentials.AgentKey));
        Assert.NotEmpty((await client.GenerateAsync(Requests.Generate())).Response!.Offers);
    }

    [Theory]
    [InlineData("Security:ApiKeys:0:Role=root", "Role must be one of agent, analyst, admin")]
    [InlineData("Security:ApiKeys:0:Sha256=abc", "64 hex digits")]
    public async Task A_malformed_credential_in_configuration_stops_the_process_with_one_line_and_exit_code_2(string setting, string reason)
    {
        var (code, output) = await RunServerAsync(
            "--port", "0", "--Security:ApiKeys:0:Name=crm", "--Security:ApiKeys:0:Role=agent",
            $"--Security:ApiKeys:0:Sha256={Credentials.Sha256(Credentials.AgentKey)}", $"--{setting}");
        Assert.Equal(2, code);
        Assert.Contains(reason, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_refuses_a_public_address_without_credentials_with_one_line_and_exit_code_2()
    {
        var (code, output) = await RunServerAsync("--urls", "http://0.0.0.0:0");
        Assert.Equal(2, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Refusing to listen on http://0.0.0.0:0 without caller credentials", line, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunServerAsync(params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("negociacion-process-").FullName;
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                [Path.Combine(AppContext.BaseDirectory, "NegociacionOptimizer.Server.dll"), .. arguments])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NEGOCIACION_", StringComparison.Ordinal)
                || k.StartsWith("Security__", StringComparison.Ordinal) || k is "ASPNETCORE_URLS" or "DOTNET_URLS").ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment[ServerOptions.DataVariable] = Path.Combine(folder, "data");
            var (code, output, error) = await ChildProcess.RunAsync(start);
            return (code, error + output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
