using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.FanOut;

/// <summary>
/// The analyst's portfolio run over three real server processes, balanced round robin: the results are exactly one
/// server's, and killing one replica in the middle of the run loses no account (its calls are retried on the others).
/// </summary>
public sealed class ReplicaFanOutTests : IAsyncLifetime
{
    private const int Accounts = 40;
    private readonly string _folder = Directory.CreateTempSubdirectory("negociacion-fanout-").FullName;
    private readonly List<Replica> _replicas = [];

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            _replicas.Add(await Replica.StartAsync(Path.Combine(_folder, $"data{i}"), _folder));
        }
    }

    public Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The same seeded portfolio every time; searches are never cut by time, so their answers are exact.</summary>
    private static string[] Simulate(string output, IEnumerable<Replica> servers) =>
    [
        Programs.Analyst, "simulate", "--synthetic", $"{Accounts}", "--seed", "11", "--as-of", "2026-03-02",
        "--policy", Path.Combine(Programs.RepositoryRoot, "policies", "default.json"), "--offers", "1", "--time-limit-ms", "60000",
        "--calls-per-server", "1", "--out", output, .. servers.SelectMany(s => new[] { "--server", s.Address }),
    ];

    /// <summary>The results CSV without the columns that name where or how fast an account was solved.</summary>
    private static List<string> Results(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var kept = Enumerable.Range(0, header.Length).Where(i => header[i] is not ("server" or "solve_ms")).ToList();
        return [.. lines.Select(l => string.Join(',', kept.Select(i => l.Split(',')[i])))];
    }

    [Fact]
    public async Task Three_replicas_give_the_single_server_result_and_a_replica_killed_mid_run_loses_no_account()
    {
        var single = Path.Combine(_folder, "single.csv");
        var (code, output, error) = await ChildProcess.RunAsync(Programs.Start(Programs.Dotnet, Simulate(single, _replicas.Take(1))));
        Assert.True(code == 0, output + error);

        var spread = Path.Combine(_folder, "spread.csv");
        using var analyst = Process.Start(Programs.Start(Programs.Dotnet, Simulate(spread, _replicas)))!;
        var report = analyst.StandardOutput.ReadToEndAsync();
        var errors = analyst.StandardError.ReadToEndAsync();
        var victim = _replicas[1];
        Assert.True(await Eventually.TrueAsync(() => victim.Answered >= 2 || analyst.HasExited), "the victim never answered");
        Assert.False(analyst.HasExited, "the run ended before a replica could be killed");
        victim.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await analyst.WaitForExitAsync(timeout.Token);
        Assert.True(analyst.ExitCode == 0, await report + await errors);

        var expected = Results(single);
        Assert.Equal(Accounts + 1, expected.Count);
        Assert.Equal(expected, Results(spread));
        Assert.True(_replicas[0].Answered > 0 && _replicas[2].Answered > 0, "every live replica took calls");
    }

    /// <summary>A server process on a free loopback port, counting the calls it logged as answered.</summary>
    private sealed class Replica : IDisposable
    {
        private readonly Process _process;
        private int _answered;

        private Replica(Process process, string address)
        {
            _process = process;
            Address = address;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("GenerateOffers answered", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref _answered);
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Address { get; }

        public int Answered => Volatile.Read(ref _answered);

        public static async Task<Replica> StartAsync(string data, string workingDirectory)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var process = Process.Start(Programs.Start(Programs.Dotnet,
                [Programs.Server, "--port", $"{port}", "--http", "false", "--data", data, "--drain-delay-ms", "0",
                 "--max-concurrent-solves", "1", "--solve-queue", "8"], workingDirectory))!;
            var replica = new Replica(process, $"http://127.0.0.1:{port}");
            using var channel = GrpcChannel.ForAddress(replica.Address);
            var health = new Health.HealthClient(channel);
            Assert.True(await Eventually.TrueAsync(() =>
            {
                try
                {
                    return health.Check(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2)).Status == HealthCheckResponse.Types.ServingStatus.Serving;
                }
                catch (RpcException)
                {
                    return false;
                }
            }), $"replica {replica.Address} never served");
            return replica;
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
