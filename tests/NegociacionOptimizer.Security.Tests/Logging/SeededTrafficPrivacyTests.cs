using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Security.Tests.Logging;

/// <summary>
/// Seeded mixed traffic (valid and invalid requests, proposals, stream items, callers with and without rights), every
/// component at Debug: no value any request carried (amounts in every format, account ids, notes) is in any log line.
/// </summary>
public class SeededTrafficPrivacyTests
{
    private const int Calls = 16;

    [Theory]
    [InlineData(Transport.H2c, 1401)]
    [InlineData(Transport.Tls, 1402)]
    public async Task No_value_sent_by_seeded_traffic_reaches_a_log_line(Transport transport, int seed)
    {
        await using var server = await SecureServer.StartAsync(transport, level: LogLevel.Debug);
        using var agent = server.Client(Credentials.AgentKey);
        using var analyst = server.Client(Credentials.AnalystKey);
        using var anonymous = server.Client();
        var random = new Random(seed);
        var sent = new List<string>();
        using var stream = agent.Offers.StreamOffers();
        for (var i = 0; i < Calls; i++)
        {
            var request = Requests.Generate();
            request.RequestId = $"seeded-{i}";
            request.Account.AccountId = $"ACC-{random.Next(100_000, 999_999)}-{random.Next(1000, 9999)}";
            request.Account.PrincipalMinor = random.NextInt64(10_000_000, 5_000_000_000);
            request.Inquiry.MonthlyIncomeMinor = random.NextInt64(10_000_000, 5_000_000_000);
            request.Inquiry.LumpSumAvailableMinor = random.NextInt64(10_000_000, 5_000_000_000);
            request.Inquiry.Notes = $"nota-privada-{random.Next(100_000, 999_999)}";
            if (random.Next(3) == 0)
            {
                request.Inquiry.MonthlyEssentialExpensesMinor = -random.NextInt64(10_000_000, 5_000_000_000);
            }

            sent.AddRange([request.Account.AccountId, request.Inquiry.Notes]);
            sent.AddRange(new[] { request.Account.PrincipalMinor, request.Inquiry.MonthlyIncomeMinor, request.Inquiry.LumpSumAvailableMinor,
                -request.Inquiry.MonthlyEssentialExpensesMinor }.Where(a => a > 0).SelectMany(Formats));
            switch (i % 4)
            {
                case 0:
                    await agent.GenerateAsync(request);
                    break;
                case 1:
                    var proposal = new EvaluateProposalRequest
                    {
                        RequestId = request.RequestId, Account = request.Account, Inquiry = request.Inquiry,
                        Proposal = new Proposal { InstallmentMinor = random.NextInt64(10_000_000, 90_000_000), Installments = 6 },
                    };
                    sent.AddRange(Formats(proposal.Proposal.InstallmentMinor));
                    await agent.EvaluateAsync(proposal);
                    break;
                case 2:
                    await stream.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = $"item-{i}", Request = request });
                    break;
                default:
                    request.Policy = new Policy { Description = request.Inquiry.Notes };
                    Assert.Equal(StatusCode.PermissionDenied, (await agent.GenerateAsync(request)).Failure!.Code);
                    Assert.NotEqual(StatusCode.PermissionDenied, (await analyst.GenerateAsync(request)).Failure?.Code);
                    Assert.Equal(StatusCode.Unauthenticated, (await anonymous.GenerateAsync(request)).Failure!.Code);
                    break;
            }
        }

        await stream.RequestStream.CompleteAsync();
        await foreach (var _ in stream.ResponseStream.ReadAllAsync())
        {
        }

        var text = string.Join("\n", server.Logs.Lines);
        Assert.Contains("seeded-0", text, StringComparison.Ordinal);
        foreach (var value in sent)
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    /// <summary>An amount as digits, and grouped the es-AR and en ways, as minor and as major units.</summary>
    private static IEnumerable<string> Formats(long minor)
    {
        var major = minor / 100;
        return
        [
            minor.ToString(CultureInfo.InvariantCulture), minor.ToString("N0", new CultureInfo("es-AR")), minor.ToString("N0", CultureInfo.InvariantCulture),
            major.ToString("N0", new CultureInfo("es-AR")), major.ToString("N0", CultureInfo.InvariantCulture),
        ];
    }
}
