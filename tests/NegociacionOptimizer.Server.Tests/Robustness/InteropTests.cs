using System.Diagnostics;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>The wire contract checked with an independent gRPC stack: Debian's python3-grpcio (tests/interop).</summary>
public class InteropTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Python_grpcio_gets_offers_and_every_field_violation_of_a_bad_request()
    {
        var script = Path.Combine(Requests.RepositoryRoot, "tests", "interop", "interop.py");
        Assert.True(File.Exists("/usr/bin/python3"), "needs /usr/bin/python3 with python3-grpcio and protoc: run `bash tests/run.sh`, which installs them");
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, $"127.0.0.1:{server.Address.Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var report = $"{await output}\n{await errors}";
        Assert.True(process.ExitCode == 0, report);
        Assert.Contains("bad request: INVALID_ARGUMENT", report, StringComparison.Ordinal);
        Assert.Contains("garbage bytes: INVALID_ARGUMENT", report, StringComparison.Ordinal);
    }
}
