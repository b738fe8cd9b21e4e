using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using NegociacionOptimizer.Contracts;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.LoadClient;

/// <summary>One load phase: fixed rate (open loop) or a fixed number of callers (closed loop), for a bounded time.</summary>
/// <param name="Address">Server address (loopback, http:// or https://).</param>
/// <param name="Credentials">API key and the server certificate's root, when the server asks for them.</param>
/// <param name="Requests">The requests sent, in turn (one for a uniform load, many for a mixed one).</param>
/// <param name="RatePerSecond">Calls started a second (fixed rate); 0 for closed loop.</param>
/// <param name="Callers">Callers in the closed loop.</param>
/// <param name="Duration">How long calls are started.</param>
/// <param name="Timeout">Each call's deadline.</param>
/// <param name="MaxCalls">Closed loop: no call is started after this many (0: no cap), so a phase covers an exact set of
/// requests (the first <paramref name="MaxCalls"/> of <paramref name="Requests"/> once each, when there are as many).</param>
internal sealed record LoadRun(
    Uri Address, ClientCredentials Credentials, IReadOnlyList<GenerateOffersRequest> Requests, int RatePerSecond, int Callers, TimeSpan Duration,
    TimeSpan Timeout, int MaxCalls = 0)
{
    private int _next = -1;

    public async Task<LoadResult> ExecuteAsync()
    {
        using var channel = Credentials.CreateChannel(Address);
        var client = new OfferService.OfferServiceClient(channel);
        var samples = new ConcurrentBag<(StatusCode Code, double Ms)>();
        var clock = Stopwatch.StartNew();
        if (RatePerSecond > 0)
        {
            var total = (int)(RatePerSecond * Duration.TotalSeconds);
            var calls = new List<Task>(total);
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / RatePerSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed).ConfigureAwait(false);
                }

                calls.Add(CallAsync(client, Interlocked.Increment(ref _next), samples));
            }

            await Task.WhenAll(calls).ConfigureAwait(false);
        }
        else
        {
            var callers = Enumerable.Range(0, Callers).Select(async _ =>
            {
                while (clock.Elapsed < Duration && Interlocked.Increment(ref _next) is var index && (MaxCalls == 0 || index < MaxCalls))
                {
                    await CallAsync(client, index, samples).ConfigureAwait(false);
                }
            });
            await Task.WhenAll(callers).ConfigureAwait(false);
        }

        return new LoadResult([.. samples], clock.Elapsed);
    }

    private async Task CallAsync(OfferService.OfferServiceClient client, int index, ConcurrentBag<(StatusCode, double)> samples)
    {
        var request = Requests[(int)((uint)index % (uint)Requests.Count)];
        var started = Stopwatch.GetTimestamp();
        StatusCode code;
        try
        {
            await client.GenerateOffersAsync(request, deadline: DateTime.UtcNow + Timeout).ResponseAsync.ConfigureAwait(false);
            code = StatusCode.OK;
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
        }

        samples.Add((code, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }
}

/// <summary>What a phase measured.</summary>
/// <param name="Samples">Status and latency of every call.</param>
/// <param name="Elapsed">Wall time of the phase, until the last answer.</param>
internal sealed record LoadResult(IReadOnlyList<(StatusCode Code, double Ms)> Samples, TimeSpan Elapsed)
{
    /// <summary>One Markdown table row: calls, OK/s, p50/p90/p99/max of all calls and of OK calls, counts per status.</summary>
    public string Row(string phase)
    {
        var all = Samples.Select(s => s.Ms).Order().ToArray();
        var ok = Samples.Where(s => s.Code == StatusCode.OK).Select(s => s.Ms).Order().ToArray();
        var counts = string.Join(" ", Samples.GroupBy(s => s.Code).OrderBy(g => g.Key).Select(g => $"{Name(g.Key)}={g.Count()}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {Samples.Count} | {ok.Length / Elapsed.TotalSeconds:0.0} | {P(all, 50):0} | {P(all, 90):0} | {P(all, 99):0} | {P(all, 100):0} | {P(ok, 50):0} | {P(ok, 99):0} | {counts} |");
    }

    public const string Header =
        "| phase | calls | OK/s | p50 ms | p90 ms | p99 ms | max ms | OK p50 ms | OK p99 ms | gRPC statuses |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";

    private static double P(double[] sorted, int percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Name(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.Internal => "INTERNAL",
        _ => code.ToString().ToUpperInvariant(),
    };
}
