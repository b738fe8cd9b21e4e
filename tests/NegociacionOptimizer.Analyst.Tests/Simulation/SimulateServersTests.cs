using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Hosting;
using static NegociacionOptimizer.Analyst.Tests.Simulation.ResultsFile;

namespace NegociacionOptimizer.Analyst.Tests.Simulation;

/// <summary>simulate against two real Kestrel servers started in this process, on free loopback ports.</summary>
public sealed class SimulateServersTests
{
    [Fact]
    public async Task Items_are_balanced_round_robin_over_two_servers_and_answered()
    {
        await using var first = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpPort = 0, DataFolder = Path.Combine(Path.GetTempPath(), "negociacion-analyst-tests", Guid.NewGuid().ToString("N")), MinimumLogLevel = LogLevel.Warning });
        await using var second = await ServerHost.StartAsync(new ServerOptions { Port = 0, HttpPort = 0, DataFolder = Path.Combine(Path.GetTempPath(), "negociacion-analyst-tests", Guid.NewGuid().ToString("N")), MinimumLogLevel = LogLevel.Warning });
        var folder = TestFiles.ScratchFolder();
        var (console, output) = TestFiles.Console();
        var results = Path.Combine(folder, "servers.csv");

        var exitCode = await AnalystCli.Create(console).Parse([
            "simulate", "--synthetic", "6", "--seed", "5", "--as-of", "2026-03-02", "--policy", TestFiles.Policy("default.json"),
            "--challenger", TestFiles.Policy("co-tarjetas.json"), "--time-limit-ms", "150",
            "--server", first.Address.ToString(), "--server", second.Address.ToString(), "--out", results]).InvokeAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("2 servidor(es)", output.ToString(), StringComparison.Ordinal);
        var rows = Read(results);
        Assert.Equal(12, rows.Count);
        // One balanced channel: every row names both replicas, and each replica solved some of the items.
        var targets = $"{first.Address.ToString().TrimEnd('/')};{second.Address.ToString().TrimEnd('/')}";
        Assert.All(rows, r => Assert.Equal(targets, r["server"]));
        Assert.All(new[] { first, second }, s => Assert.True(s.Services.GetRequiredService<SolveRunner>().Completed > 0));
        Assert.All(rows, r => Assert.NotEqual("error", r["outcome"]));
        Assert.Contains(rows, r => r["outcome"] == "offers" && Long(r["best_expected_npv_minor"]) > 0);
    }

    [Fact]
    public async Task A_server_that_is_not_running_is_one_clear_error()
    {
        var (console, output) = TestFiles.Console();

        var exitCode = await AnalystCli.Create(console).Parse(["simulate", "--synthetic", "2", "--as-of", "2026-03-02",
            "--policy", TestFiles.Policy("default.json"), "--server", "http://127.0.0.1:1"]).InvokeAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("Error:", output.ToString(), StringComparison.Ordinal);
    }
}
