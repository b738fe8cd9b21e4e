using System.Diagnostics.Metrics;
using Grpc.Core;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The server's own instruments (meter <see cref="MeterName"/>), exported by OpenTelemetry (Prometheus <c>/metrics</c>,
/// OTLP). Every tag is a method name, a gRPC status or a yes/no: never an account, an amount or a caller's text.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "NegociacionOptimizer.Server";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _refusals;
    private readonly Histogram<double> _solves;

    /// <summary>The instruments, with the solve runner's and the policy store's state observed at each collection.</summary>
    public ServerMetrics(IMeterFactory meters, SolveRunner gate, PolicyStore policies)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(policies);
        var meter = meters.Create(MeterName, ServerConfiguration.Version());
        _calls = meter.CreateCounter<long>("negociacion.calls", "{call}", "Calls answered by a service, by method and gRPC status.");
        _refusals = meter.CreateCounter<long>("negociacion.refusals", "{call}",
            "Calls refused (bad input, overload, credentials, role, size), by gRPC status, wherever they were refused.");
        _solves = meter.CreateHistogram<double>("negociacion.solve.duration", "s",
            "Wall time of each search, by whether its answer was proven optimal (the share proven is the count with optimal_proven=true over all).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });
        meter.CreateObservableGauge("negociacion.solve.running", () => gate.Running, "{solve}", "Solves running now.");
        meter.CreateObservableGauge("negociacion.solve.queued", () => gate.Waiting, "{call}", "Calls waiting for a solve slot now.");
        meter.CreateObservableCounter("negociacion.solve.rejected", () => gate.Rejected, "{call}", "Calls refused at once because every slot and queue place was taken.");
        meter.CreateObservableCounter("negociacion.solve.abandoned", () => gate.Abandoned, "{solve}", "Searches whose slot was given back after they overran their limit.");
        meter.CreateObservableGauge("negociacion.policies.loaded", () => policies.All().Count, "{policy}", "Policies the server holds now (the built-in one included).");
        meter.CreateObservableGauge("negociacion.policies.rejected", () => policies.Rejected.Count, "{file}", "Policy files rejected now (their last good version, if any, still answers).");
    }

    /// <summary>Counts a call a service answered (or failed) with <paramref name="status"/>.</summary>
    public void Call(string method, StatusCode status) =>
        _calls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("status", status.ToString()));

    /// <summary>Counts a refused call.</summary>
    public void Refusal(StatusCode status) => _refusals.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    /// <summary>Records one search.</summary>
    public void Solve(TimeSpan elapsed, bool optimalProven) =>
        _solves.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("optimal_proven", optimalProven));
}
