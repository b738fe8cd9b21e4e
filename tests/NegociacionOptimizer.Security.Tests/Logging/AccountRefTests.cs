using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Security;

namespace NegociacionOptimizer.Security.Tests.Logging;

/// <summary>The AccountRef in logs is keyed (HMAC with the server's secret): stable for one deployment, useless elsewhere.</summary>
public partial class AccountRefTests
{
    private static readonly string SecretA = Convert.ToBase64String(Enumerable.Repeat((byte)0xA5, 32).ToArray());
    private static readonly string SecretB = Convert.ToBase64String(Enumerable.Repeat((byte)0x5A, 32).ToArray());

    [Theory]
    [InlineData(Transport.H2c)]
    [InlineData(Transport.Tls)]
    public async Task The_same_account_has_the_same_ref_under_one_secret_and_another_under_another_and_never_its_plain_hash(Transport transport)
    {
        var first = await RefAsync(transport, SecretA);
        var again = await RefAsync(transport, SecretA);
        var other = await RefAsync(transport, SecretB);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PersonalDataProbe.AccountId)))[..12];
        Assert.NotEqual(plain, first);
        Assert.Equal(new AccountRefs(Convert.FromBase64String(SecretA)).Of(PersonalDataProbe.AccountId), first);
    }

    [Fact]
    public async Task Without_a_configured_secret_one_is_created_beside_the_data_and_kept_across_restarts()
    {
        var folder = Directory.CreateTempSubdirectory("negociacion-refs-").FullName;
        try
        {
            var first = await RefAsync(Transport.H2c, null, folder);
            var file = Path.Combine(folder, AccountRefs.SecretFile);
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.Equal(first, await RefAsync(Transport.H2c, null, folder));
            Assert.Equal(new AccountRefs(Convert.FromBase64String(File.ReadAllText(file).Trim())).Of(PersonalDataProbe.AccountId), first);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> RefAsync(Transport transport, string? secret, string? dataFolder = null)
    {
        await using var server = await SecureServer.StartAsync(
            transport,
            folder =>
            {
                var standard = Credentials.Standard(transport, folder);
                return new SecurityOptions
                {
                    ApiKeys = standard.ApiKeys,
                    Certificate = standard.Certificate,
                    OfferSigning = standard.OfferSigning,
                    AccountRefSecret = secret,
                };
            },
            LogLevel.Information,
            o => dataFolder is null ? o : o with { DataFolder = dataFolder });
        using var agent = server.Client(Credentials.AgentKey);
        Assert.Null((await agent.GenerateAsync(PersonalDataProbe.Valid("ref-check"))).Failure);
        var line = Assert.Single(server.Logs.Lines, l => l.Contains("RequestId:ref-check", StringComparison.Ordinal) && l.Contains("answered OK", StringComparison.Ordinal));
        return RefPattern().Match(line).Groups[1].Value;
    }

    [GeneratedRegex("AccountRef:([0-9a-f]{12})")]
    private static partial Regex RefPattern();
}
