using System.Text.RegularExpressions;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.SampleClient;

namespace NegociacionOptimizer.Operations.Tests.Metrics;

/// <summary>
/// The Prometheus scrape at /metrics on the HTTP port after real calls: calls by method and status, refusals, the solve
/// time histogram split by proven optimality, the solve gate, the policies and the ledger's group commits; no value of any
/// request in any tag.
/// </summary>
[Collection(ProcessWideInstruments.Name)]
public sealed partial class MetricsTests(HttpServerFixture server) : IClassFixture<HttpServerFixture>
{
    private static GenerateOffersRequest Sample(string name) =>
        OfferClient.ReadJson<GenerateOffersRequest>(Path.Combine(Programs.RepositoryRoot, "samples", "requests", name));

    [Fact]
    public async Task The_scrape_counts_calls_refusals_solves_the_gate_the_policies_and_ledger_commits_and_names_no_account()
    {
        using var client = new OfferClient(server.Host.Address);
        var request = Sample("forgot-to-pay.json");
        Assert.NotNull((await client.GenerateAsync(request)).Response);
        Assert.NotNull((await client.GenerateAsync(Sample("bad-request.json"))).Failure);

        var scrape = await server.Http.GetStringAsync("/metrics");

        Assert.True(Value(scrape, "negociacion_calls_total", "method=\"/negociacion.v1.OfferService/GenerateOffers\"", "status=\"OK\"") >= 1, scrape);
        Assert.True(Value(scrape, "negociacion_calls_total", "status=\"InvalidArgument\"") >= 1, scrape);
        Assert.True(Value(scrape, "negociacion_refusals_total", "status=\"InvalidArgument\"") >= 1, scrape);
        Assert.True(Value(scrape, "negociacion_solve_duration_seconds_count", "optimal_proven=") >= 1, scrape);
        Assert.Equal(0, Value(scrape, "negociacion_solve_running"));
        Assert.Equal(0, Value(scrape, "negociacion_solve_queued"));
        Assert.Equal(0, Value(scrape, "negociacion_solve_rejected_total"));
        // The example files; default.json takes the built-in default's place.
        var files = Directory.GetFiles(Path.Combine(Programs.RepositoryRoot, "policies"), "*.json").Count(f => !f.EndsWith(".schema.json", StringComparison.Ordinal));
        Assert.Equal(files, Value(scrape, "negociacion_policies_loaded"));
        Assert.Equal(0, Value(scrape, "negociacion_policies_rejected"));
        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);
        // The answered call was recorded before it was sent: at least one group commit, with at least one write.
        Assert.True(Value(scrape, "negociacion_ledger_commit_duration_seconds_count", "backend=\"sqlite\"", "committed=\"true\"") >= 1, scrape);
        Assert.True(Value(scrape, "negociacion_ledger_commit_duration_seconds_sum", "committed=\"true\"") > 0, scrape);
        Assert.True(Value(scrape, "negociacion_ledger_batch_writes_sum", "backend=\"sqlite\"") >= 1, scrape);

        string[] personal = [request.Account.AccountId, request.Account.PrincipalMinor.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Inquiry.Notes];
        foreach (var value in personal.Where(v => v.Length > 3))
        {
            Assert.DoesNotContain(value, scrape, StringComparison.Ordinal);
        }
    }

    /// <summary>The sum of a metric's samples whose labels contain every one of <paramref name="labels"/>.</summary>
    private static double Value(string scrape, string metric, params string[] labels) =>
        Line().Matches(scrape)
            .Where(m => m.Groups["name"].Value == metric && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Line();
}
