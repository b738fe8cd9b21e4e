using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Operations.Tests.Deploy;

/// <summary>
/// A ConfigMap volume as the kubelet writes it: each file a symlink through <c>..data</c> to a timestamped folder, and an
/// update one atomic swap of <c>..data</c>. The policy store reads through the links and a rescan takes the new version.
/// </summary>
public sealed class ConfigMapReloadTests : IDisposable
{
    private readonly string _volume = Directory.CreateTempSubdirectory("negociacion-configmap-").FullName;

    public void Dispose() => Directory.Delete(_volume, recursive: true);

    private string Publish(string timestamp, int version)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_volume, timestamp)).FullName;
        var policy = JsonNode.Parse(File.ReadAllText(Path.Combine(Programs.RepositoryRoot, "policies", "co-tarjetas.json")))!;
        policy["version"] = version;
        File.WriteAllText(Path.Combine(folder, "co-tarjetas.json"), policy.ToJsonString());
        return timestamp;
    }

    private void Swap(string timestamp)
    {
        File.CreateSymbolicLink(Path.Combine(_volume, "..data_tmp"), timestamp);
        using var move = Process.Start("mv", ["-T", Path.Combine(_volume, "..data_tmp"), Path.Combine(_volume, "..data")]);
        move.WaitForExit();
        Assert.Equal(0, move.ExitCode);
    }

    [Fact]
    public void A_configmap_update_by_symlink_swap_is_loaded_on_the_next_scan()
    {
        File.CreateSymbolicLink(Path.Combine(_volume, "..data"), Publish("..2026_12_01_05_00_00.1", version: 7));
        File.CreateSymbolicLink(Path.Combine(_volume, "co-tarjetas.json"), Path.Combine("..data", "co-tarjetas.json"));
        using var store = new PolicyStore(new PolicyFolder(_volume), NullLogger<PolicyStore>.Instance);
        Assert.True(store.TryGet("co-tarjetas", out var first));
        Assert.Equal(7, first.Policy.Version);

        Swap(Publish("..2026_12_01_05_10_00.2", version: 8));
        store.Reload();

        Assert.True(store.TryGet("co-tarjetas", out var second));
        Assert.Equal(8, second.Policy.Version);
        Assert.Empty(store.Rejected);
    }
}
