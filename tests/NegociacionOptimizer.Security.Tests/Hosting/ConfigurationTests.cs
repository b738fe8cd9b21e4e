using System.Text.Json;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Security.Tests.Hosting;

/// <summary>The Security section read from a JSON file (<c>--config</c>), and the data folder and file options.</summary>
public class ConfigurationTests
{
    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task A_json_file_configures_keys_certificates_and_secrets(Transport transport)
    {
        var folder = Directory.CreateTempSubdirectory("negociacion-config-").FullName;
        try
        {
            var standard = Credentials.Standard(transport, folder);
            var file = Path.Combine(folder, "security.json");
            File.WriteAllText(file, JsonSerializer.Serialize(new
            {
                Security = new
                {
                    ApiKeys = standard.ApiKeys.Select(k => new { k.Name, k.Role, k.Sha256 }),
                    ClientCertificates = standard.ClientCertificates.Select(c => new { c.Name, c.Role, c.Sha256Thumbprint }),
                    Certificate = standard.Certificate is { } c ? new { c.Path, c.KeyPath } : null,
                    OfferSigning = new { ActiveKeyId = "cfg", Keys = new Dictionary<string, string> { ["cfg"] = Credentials.SigningKey } },
                    Reflection = false,
                },
            }));

            // Security null: the server reads the section from the file.
            await using var server = await SecureServer.StartAsync(transport, options: o => o with { Security = null, ConfigFile = file });
            using var anonymous = server.Client();
            Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, (await anonymous.GenerateAsync(Requests.Generate())).Failure!.Code);
            using var agent = server.Client(transport == Transport.Tls ? null : Credentials.AgentKey,
                transport == Transport.Tls ? TestCertificates.AgentClient : null);
            var offer = (await agent.GenerateAsync(Requests.Generate())).Response!.Offers[0];
            Assert.Equal("cfg", offer.SignatureKeyId);
            Assert.True((await agent.Offers.VerifyOfferAsync(new VerifyOfferRequest { Offer = offer })).Valid);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
