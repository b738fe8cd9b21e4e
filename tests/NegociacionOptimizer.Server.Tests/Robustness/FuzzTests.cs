using Microsoft.Extensions.Logging.Abstractions;
using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>
/// Seeded, bounded fuzzing through the real server: thousands of mangled messages (field values, damaged bytes,
/// random proposals) and a hundred generated valid requests. Nothing may be INTERNAL or UNKNOWN, hang, or stop the server.
/// </summary>
public class FuzzTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const int Seed = 20261122;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Two_thousand_mangled_messages_get_clear_errors_and_the_server_keeps_serving()
    {
        var fuzzer = new RequestFuzzer(Seed);
        var cases = new List<(string Kind, Method<byte[], byte[]> Method, byte[] Bytes, StatusCode[] Allowed)>();
        for (var i = 0; i < 1_100; i++)
        {
            cases.Add(("fields", RawCalls.GenerateOffers, fuzzer.Mangled().ToByteArray(), [StatusCode.InvalidArgument]));
        }

        for (var i = 0; i < 600; i++)
        {
            cases.Add(("bytes", RawCalls.GenerateOffers, fuzzer.Damaged(), [StatusCode.InvalidArgument, StatusCode.OK]));
        }

        for (var i = 0; i < 300; i++)
        {
            cases.Add(("proposal", RawCalls.EvaluateProposal, fuzzer.Proposal().ToByteArray(), [StatusCode.InvalidArgument, StatusCode.OK]));
        }

        var failures = new ConcurrentBag<string>();
        var codes = new ConcurrentDictionary<StatusCode, int>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, _) =>
        {
            var clock = Stopwatch.StartNew();
            var (code, detail, _) = await RawCalls.SendAsync(server.Client.Channel, c.Method, c.Bytes, CallTimeout);
            codes.AddOrUpdate(code, 1, (_, n) => n + 1);
            if (!c.Allowed.Contains(code) || clock.Elapsed > CallTimeout)
            {
                failures.Add($"{c.Kind}: {code} after {clock.ElapsedMilliseconds} ms \"{detail}\" for {Convert.ToBase64String(c.Bytes)}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} bad answers, e.g.:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(codes.GetValueOrDefault(StatusCode.InvalidArgument) > 1_900, string.Join(", ", codes));
        var health = await new Health.HealthClient(server.Client.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.NotNull((await server.Client.GenerateAsync(Requests.Valid(), CallTimeout)).Response);
    }

    /// <summary>
    /// Every generated valid request is answered within its 3 s deadline (the engine's budget here is 400 ms): a
    /// DEADLINE_EXCEEDED would mean the engine overran its budget, and is a failure, printed with the request's bytes.
    /// </summary>
    [Fact]
    public async Task Generated_valid_requests_get_feasible_offers_whose_figures_recompute_exactly()
    {
        var fuzzer = new RequestFuzzer(Seed + 1);
        var requests = Enumerable.Range(0, 60).Select(fuzzer.Valid).ToList();
        var failures = new ConcurrentBag<string>();
        var overruns = new ConcurrentBag<string>();
        var outcomes = new ConcurrentDictionary<Outcome, int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (request, _) =>
        {
            var result = await server.Client.GenerateAsync(request, TimeSpan.FromSeconds(3));
            if (result.Failure is { Code: StatusCode.DeadlineExceeded })
            {
                overruns.Add($"{request.RequestId} {Convert.ToBase64String(request.ToByteArray())}");
                return;
            }

            if (result.Response is not { } response)
            {
                failures.Add($"{request.RequestId}: {result.Failure!.Code} {result.Failure.Message}");
                return;
            }

            outcomes.AddOrUpdate(response.Outcome, 1, (_, n) => n + 1);
            var expectReview = request.Inquiry.Reason is Reason.Dispute;
            if (expectReview != (response.Outcome == Outcome.ReviewRequired) || response.Offers.Count > request.OfferCount)
            {
                failures.Add($"{request.RequestId}: outcome {response.Outcome} with {response.Offers.Count} offers");
            }

            foreach (var problem in response.Offers.SelectMany(o => Recompute(request, o)))
            {
                failures.Add($"{request.RequestId}: {problem}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} problems, e.g.:\n{string.Join("\n", failures.Take(5))}");
        Assert.True(overruns.IsEmpty, $"engine overruns: {string.Join("\n", overruns)}");
        Assert.True(outcomes.GetValueOrDefault(Outcome.Offers) >= requests.Count / 3, string.Join(", ", outcomes));
    }

    /// <summary>What differs between an offer and the plan its terms (D, Q, f, n, g) define, or why that plan is not feasible.</summary>
    private static IEnumerable<string> Recompute(GenerateOffersRequest request, Offer offer)
    {
        var context = Negotiation.From(new PolicyRouter(new PolicyStore(), NullLogger<PolicyRouter>.Instance), CalendarSet.BuiltIn, request.Account, request.Inquiry, request.Policy, request.PolicyId).Context;
        var terms = new PlanTerms(offer.DownPaymentMinor, offer.Discount.TotalMinor,
            ToDomain.Frequency(offer.Frequency) ?? D.Accounts.Frequency.Monthly, offer.Installments, offer.GracePeriods);
        var plan = PlanEvaluator.Evaluate(context, terms);
        if (!plan.IsFeasible)
        {
            yield return $"offer {offer.OfferId} {terms} is not feasible: {string.Join("; ", plan.Violations)}";
        }

        (string Figure, long Offered, long Recomputed)[] figures =
        [
            ("installment", offer.InstallmentMinor, plan.InstallmentMinor),
            ("last installment", offer.LastInstallmentMinor, plan.LastInstallmentMinor),
            ("financed", offer.FinancedMinor, plan.FinancedMinor),
            ("total to pay", offer.TotalToPayMinor, plan.TotalToPayMinor),
            ("U_c", offer.CompanyValueMinor, MinorUnits.RoundValuation(plan.CompanyValueMinor)),
            ("U_d", offer.PersonValueMinor, MinorUnits.RoundValuation(plan.PersonValueMinor)),
        ];
        foreach (var (figure, offered, recomputed) in figures.Where(f => f.Offered != f.Recomputed))
        {
            yield return $"offer {offer.OfferId} {terms}: {figure} {offered} ≠ {recomputed}";
        }
    }
}
