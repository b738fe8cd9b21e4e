using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

/// <summary>The server process started as an operator would, killed with SIGKILL while callers write to its ledger.</summary>
public sealed class KillTests
{
    private const int Workers = 4;
    private const int AnsweredBeforeKill = 24;

    [Fact]
    public async Task Killing_the_server_with_sigkill_during_a_stream_of_writes_loses_nothing_that_was_answered()
    {
        using var folder = new TempPolicyFolder();
        var data = Path.Combine(folder.Path, "data");
        using var process = Start(folder.Path, data, out var listening);
        var offers = new ConcurrentQueue<Offer>();
        var plans = new ConcurrentQueue<string>();
        try
        {
            // Only a guard against a server that never starts: a busy machine has been seen to take more than a minute.
            using var client = new OfferClient(await listening.Task.WaitAsync(TimeSpan.FromMinutes(3)));
            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WriteUntilRefusedAsync(client, w, offers, plans))).ToList();
            await Eventually.TrueAsync(() => plans.Count >= AnsweredBeforeKill || workers.Any(t => t.IsCompleted), TimeSpan.FromSeconds(120));
            Assert.All(workers, t => Assert.False(t.IsCompleted, t.Exception?.ToString()));
            Assert.True(plans.Count >= AnsweredBeforeKill);

            process.Kill();
            await process.WaitForExitAsync();
            await Task.WhenAll(workers);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        await using var ledger = LedgerServer.Open(LedgerConnection.InDataFolder(data));
        Assert.All(offers, o => Assert.True(ledger.HasOffer(o.OfferId), $"offer {o.OfferId} was answered but is not in the ledger"));
        Assert.All(plans, id => Assert.NotNull(ledger.GetPlan(id)));
        Assert.True(ledger.Counts().Sets >= plans.Count);
    }

    /// <summary>Generates offers for a new account and accepts the first, again and again, until the server is gone.</summary>
    private static async Task WriteUntilRefusedAsync(OfferClient client, int worker, ConcurrentQueue<Offer> offers, ConcurrentQueue<string> plans)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                var request = Requests.Valid();
                request.Account.AccountId = $"kill-{worker}-{i}";
                // The process signs with the real clock: offers valued today are still open when accepted.
                request.Account.AsOf = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var response = await client.Offers.GenerateOffersAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                foreach (var offer in response.Offers)
                {
                    offers.Enqueue(offer);
                }

                var accepted = await client.Plans.AcceptOfferAsync(
                    new AcceptOfferRequest { IdempotencyKey = $"kill-{worker}-{i}", Offer = response.Offers[0] }, deadline: DateTime.UtcNow.AddSeconds(30));
                plans.Enqueue(accepted.Plan.PlanId);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled)
            {
                // The server is gone: this worker's last call was not answered.
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded)
            {
                // Not answered while the server runs (every solve slot taken on a machine with fewer cores, or a busy
                // machine held the call past its deadline): nothing was issued to this caller, so it goes on.
            }
        }
    }

    private static Process Start(string workingDirectory, string data, out TaskCompletionSource<Uri> listening)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            // No HTTP port: its fixed default (5081) may be taken by another server on this machine.
            [Path.Combine(AppContext.BaseDirectory, "NegociacionOptimizer.Server.dll"), "--port", "0", "--http", "false", "--drain-delay-ms", "0", "--data", data])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NEGOCIACION_", StringComparison.Ordinal)
            || k is "ASPNETCORE_URLS" or "DOTNET_URLS").ToList())
        {
            start.Environment.Remove(name);
        }

        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        listening = ready;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            const string Marker = "Now listening on: ";
            if (e.Data is { } line && line.Contains(Marker, StringComparison.Ordinal))
            {
                ready.TrySetResult(new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
