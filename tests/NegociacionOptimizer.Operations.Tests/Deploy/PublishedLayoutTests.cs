using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Deploy;

/// <summary>
/// What the container image runs, without a container: the server's <c>dotnet publish</c> output started as an
/// unprivileged user (nobody, when the tests run as root and nobody can run the .NET host) from a read-only folder, with data and policies on writable
/// "volumes", probed on the health port as the kubelet does, then stopped with SIGTERM.
/// </summary>
public sealed partial class PublishedLayoutTests : IDisposable
{
    private const int Nobody = 65534;
    private const int SigTerm = 15;
    private readonly string _root = Directory.CreateTempSubdirectory("negociacion-image-").FullName;

    public void Dispose()
    {
        Run("chmod", "-R", "u+w", _root);
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// Whether the server can run as nobody here: the tests run as root and the .NET host is reachable by other users
    /// (an SDK installed under /root is not; then the test runs as the current user, the folders still read-only).
    /// </summary>
    private static bool AsNobody { get; } = Environment.UserName == "root" && CanNobodyRun();

    private static bool CanNobodyRun()
    {
        using var probe = Process.Start(new ProcessStartInfo("setpriv", [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", Programs.Dotnet, "--list-runtimes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static Dictionary<string, long> Listing(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => new FileInfo(f).Length);

    [Fact]
    public async Task The_published_server_runs_unprivileged_from_a_read_only_folder_answers_probes_and_stops_cleanly()
    {
        var app = Path.Combine(_root, "app");
        var (published, output, error) = await ChildProcess.RunAsync(Programs.Start(Programs.Dotnet,
            ["publish", Path.Combine(Programs.RepositoryRoot, "src", "NegociacionOptimizer.Server"), "-c", Programs.Configuration, "--no-build", "--no-restore", "-o", app]));
        Assert.True(published == 0, output + error);
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        var policies = Directory.CreateDirectory(Path.Combine(_root, "policies")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Programs.RepositoryRoot, "policies")))
        {
            File.Copy(file, Path.Combine(policies, Path.GetFileName(file)));
        }

        Run("chmod", "-R", "a-w", app);
        Run("chmod", "755", _root);
        if (AsNobody)
        {
            Run("chown", "-R", $"{Nobody}:{Nobody}", data, policies);
        }

        var before = Listing(app);
        var (grpc, http, health) = (FreePort(), FreePort(), FreePort());
        string[] server = [Path.Combine(app, "NegociacionOptimizer.Server.dll"), "--port", $"{grpc}", "--http-port", $"{http}",
            "--health-port", $"{health}", "--data", data, "--policies", policies, "--drain-delay-ms", "0"];
        var start = AsNobody
            ? Programs.Start("setpriv", [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", Programs.Dotnet, .. server], app)
            : Programs.Start(Programs.Dotnet, server, app);
        start.Environment["HOME"] = data;
        using var process = Process.Start(start)!;
        var logs = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var probe = GrpcChannel.ForAddress($"http://127.0.0.1:{health}");
            var kubelet = new Health.HealthClient(probe);
            Assert.True(await Eventually.TrueAsync(() => Serving(kubelet, OfferService.Descriptor.FullName)), "never SERVING");
            var other = await Assert.ThrowsAsync<RpcException>(() => new PolicyService.PolicyServiceClient(probe).ListPoliciesAsync(new ListPoliciesRequest()).ResponseAsync);
            Assert.Equal(StatusCode.Unimplemented, other.StatusCode);

            using var client = new OfferClient(new Uri($"http://127.0.0.1:{grpc}"));
            var answer = await client.GenerateAsync(OfferClient.ReadJson<GenerateOffersRequest>(
                Path.Combine(Programs.RepositoryRoot, "samples", "requests", "forgot-to-pay.json")));
            Assert.NotEmpty(answer.Response!.Offers);
            Assert.Equal("default", answer.Response.Policy.PolicyId);
            using var scraper = new HttpClient();
            Assert.Contains("negociacion_calls_total", await scraper.GetStringAsync($"http://127.0.0.1:{http}/metrics"), StringComparison.Ordinal);

            Assert.Equal(0, Signal(process.Id, SigTerm));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await logs + await errors);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(before, Listing(app));
        Assert.NotEmpty(Directory.GetFiles(data, "*", SearchOption.AllDirectories));
        Assert.All(Directory.GetFiles(data, "*", SearchOption.AllDirectories), f => Assert.Equal(AsNobody ? "nobody" : Environment.UserName, Owner(f)));
    }

    private static bool Serving(Health.HealthClient health, string service)
    {
        try
        {
            return health.Check(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(2)).Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>kill(2): what Kubernetes sends a container to stop it.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Signal(int pid, int signal);

    private static string Owner(string file)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", file]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }
}
