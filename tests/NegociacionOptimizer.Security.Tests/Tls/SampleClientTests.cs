using System.Security.Cryptography.X509Certificates;
using System.Diagnostics;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Tls;

/// <summary>The sample client as a user runs it: an API key or a client certificate, and the server's certificate as root.</summary>
public class SampleClientTests(ServerPair servers) : IClassFixture<ServerPair>
{
    [Theory]
    [InlineData(Transport.H2c, "key")]
    [InlineData(Transport.Tls, "key")]
    [InlineData(Transport.Tls, "certificate")]
    public async Task The_sample_client_presents_its_credentials_and_prints_the_offers(Transport transport, string credential)
    {
        var server = servers[transport];
        var folder = Directory.CreateTempSubdirectory("negociacion-sample-").FullName;
        try
        {
            var arguments = new List<string>
            {
                Path.Combine(Requests.RepositoryRoot, "samples", "requests", "forgot-to-pay.json"), "--address", server.Address.ToString(),
            };
            if (transport == Transport.Tls)
            {
                var root = Path.Combine(folder, "server.pem");
                File.WriteAllText(root, TestCertificates.Server.ExportCertificatePem());
                arguments.AddRange(["--ca", root]);
            }

            if (credential == "key")
            {
                arguments.AddRange(["--api-key", Credentials.AgentKey]);
            }
            else
            {
                var client = Path.Combine(folder, "client.pem");
                File.WriteAllText(client, TestCertificates.AgentClient.ExportCertificatePem() + "\n"
                    + TestCertificates.AgentClient.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
                arguments.AddRange(["--cert", client]);
            }

            var (code, output) = await RunAsync(arguments);
            Assert.True(code == 0, output);
            Assert.Contains("rank", output, StringComparison.OrdinalIgnoreCase);

            var (refused, message) = await RunAsync(arguments.Take(3).Concat(transport == Transport.Tls ? arguments.Skip(3).Take(2) : []));
            Assert.Equal(1, refused);
            Assert.Contains("Unauthenticated", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "NegociacionOptimizer.SampleClient.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("NEGOCIACION_API_KEY");
        var (code, output, error) = await ChildProcess.RunAsync(start);
        return (code, output + error);
    }
}
