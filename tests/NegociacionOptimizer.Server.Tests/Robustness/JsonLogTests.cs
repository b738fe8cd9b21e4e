using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Security;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>The server process started as an operator would, with <c>--log-format json</c>, its standard output read.</summary>
public class JsonLogTests
{
    private const string CallCategory = "NegociacionOptimizer.Server.Hosting.CallLogInterceptor";
    private const string RefusalCategory = "NegociacionOptimizer.Server.Hosting.RefusalLog";

    [Fact]
    public async Task Json_logs_are_one_object_per_line_with_request_id_method_status_and_elapsed_and_refusals_counted_but_no_personal_data()
    {
        using var folder = new TempPolicyFolder();
        var dll = Path.Combine(AppContext.BaseDirectory, "NegociacionOptimizer.Server.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            // No HTTP port: its fixed default (5081) may be taken by another server on this machine.
            [dll, "--port", "0", "--http", "false", "--log-format", "json", "--drain-delay-ms", "0"])
        {
            // An empty folder: no policies/ under it, so only the built-in policy.
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NEGOCIACION_", StringComparison.Ordinal)
            || k is "ASPNETCORE_URLS" or "DOTNET_URLS").ToList())
        {
            start.Environment.Remove(name);
        }

        var data = Path.Combine(folder.Path, "data");
        start.Environment[NegociacionOptimizer.Server.Hosting.ServerOptions.DataVariable] = data;

        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lines.Enqueue(line);
            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line);
                listening.TrySetResult(new Uri(json.RootElement.GetProperty("State").GetProperty("address").GetString()!));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Enqueue("stderr: " + line);
            }
        };
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var request = PersonalDataProbe.Valid("json-log-1");
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new OfferClient(address);
            Assert.NotNull((await client.GenerateAsync(request, TimeSpan.FromSeconds(30))).Response);
            var bad = PersonalDataProbe.Invalid(request, "json-log-2");
            Assert.NotNull((await client.GenerateAsync(bad)).Failure);

            // SIGTERM, as a process manager stops it; the console logger flushes on the way out.
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var output = lines.ToArray();
        var report = string.Join("\n", output);
        Assert.Equal(0, process.ExitCode);
        var entries = output.Where(l => l.Length > 0).Select(l => Parse(l, report)).ToList();
        Assert.Contains(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Stopping: health answers NOT_SERVING", StringComparison.Ordinal));

        var calls = entries.Where(e => e.GetProperty("Category").GetString() == CallCategory).ToList();
        var ok = Assert.Single(calls, e => Scope(e, "RequestId") == "json-log-1");
        Assert.Equal(AccountRefs.From(new SecurityOptions(), data).Of(request.Account.AccountId), Scope(ok, "AccountRef"));
        Assert.Equal("/negociacion.v1.OfferService/GenerateOffers", ok.GetProperty("State").GetProperty("Method").GetString());
        Assert.Equal("OK", ok.GetProperty("State").GetProperty("Status").GetString());
        Assert.True(ok.GetProperty("State").GetProperty("ElapsedMs").GetInt64() >= 0);
        Assert.DoesNotContain(calls, e => Scope(e, "RequestId") == "json-log-2");
        var refused = Assert.Single(entries, e => e.GetProperty("Category").GetString() == RefusalCategory);
        Assert.Equal("InvalidArgument", refused.GetProperty("State").GetProperty("Status").GetString());
        Assert.Equal(1, refused.GetProperty("State").GetProperty("Count").GetInt64());
        foreach (var secret in PersonalDataProbe.Secrets(request))
        {
            Assert.DoesNotContain(secret, report, StringComparison.Ordinal);
        }
    }

    private static JsonElement Parse(string line, string report)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.ValueKind == JsonValueKind.Object, $"not a JSON object: {line}");
            return json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"not JSON ({e.Message}): {line}\n--- whole output ---\n{report}");
            throw;
        }
    }

    /// <summary>A value of the line's scopes (the call log's scope carries RequestId and AccountRef).</summary>
    private static string? Scope(JsonElement entry, string key) =>
        entry.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("AccountRef", out _) && s.TryGetProperty(key, out _))
                .Select(s => s.GetProperty(key).ToString())
                .FirstOrDefault()
            : null;
}
