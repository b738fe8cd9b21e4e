using System.IO.Compression;
using System.Xml.Linq;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Packaging;

/// <summary>
/// What users install: the Contracts package (the wire contract and a thin client, nothing of the server's domain) and
/// the analyst CLI as a .NET tool, packed from the tests' build and installed from a local folder.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("negociacion-packages-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Version => typeof(OfferClient).Assembly.GetName().Version!.ToString(3);

    private async Task<string> PackAsync(string project)
    {
        var (code, output, error) = await ChildProcess.RunAsync(Programs.Start(Programs.Dotnet,
            ["pack", Path.Combine(Programs.RepositoryRoot, project), "-c", Programs.Configuration, "--no-build", "--no-restore", "-o", _folder]));
        Assert.True(code == 0, output + error);
        return Path.Combine(_folder, $"{Path.GetFileName(project)}.{Version}.nupkg");
    }

    [Fact]
    public async Task The_contracts_package_holds_the_generated_contract_the_protos_and_the_client_without_the_domain()
    {
        var package = await PackAsync("src/NegociacionOptimizer.Contracts");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains(entries, e => e.StartsWith("lib/net10.0", StringComparison.Ordinal) && e.EndsWith("/NegociacionOptimizer.Contracts.dll", StringComparison.Ordinal));
        Assert.Contains("protos/negociacion/v1/offer_service.proto", entries);
        Assert.Contains("protos/negociacion/v1/policy.proto", entries);
        Assert.Contains("README.md", entries);
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value).ToHashSet();
        Assert.Contains("Google.Protobuf", dependencies);
        Assert.Contains("Grpc.Net.Client", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("NegociacionOptimizer", StringComparison.Ordinal) || d.StartsWith("Google.OrTools", StringComparison.Ordinal));
    }

    [Fact]
    public void Client_apps_reference_only_the_contracts_of_this_repository()
    {
        Assert.DoesNotContain(typeof(OfferClient).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("NegociacionOptimizer", StringComparison.Ordinal));
        var sample = typeof(NegociacionOptimizer.SampleClient.OfferTable).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!).Where(n => n.StartsWith("NegociacionOptimizer", StringComparison.Ordinal));
        Assert.Equal(["NegociacionOptimizer.Contracts"], sample);
    }

    [Fact]
    public async Task The_analyst_cli_installs_as_a_dotnet_tool_from_a_local_package_and_runs()
    {
        await PackAsync("src/NegociacionOptimizer.Analyst");
        var tools = Path.Combine(_folder, "tools");
        var (installed, output, error) = await ChildProcess.RunAsync(Programs.Start(Programs.Dotnet,
            ["tool", "install", "--tool-path", tools, "--add-source", _folder, "NegociacionOptimizer.Analyst", "--version", Version]));
        Assert.True(installed == 0, output + error);

        var tool = Path.Combine(tools, "negociacion-analyst");
        var (versionCode, version, _) = await ChildProcess.RunAsync(Programs.Start(tool, ["--version"]));
        Assert.Equal(0, versionCode);
        Assert.StartsWith(Version, version, StringComparison.Ordinal);
        var (validCode, validated, _) = await ChildProcess.RunAsync(Programs.Start(tool, ["validate", "policies/co-tarjetas.json"]));
        Assert.True(validCode == 0, validated);
    }
}
