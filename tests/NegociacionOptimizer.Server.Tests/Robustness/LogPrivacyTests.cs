using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

public class LogPrivacyTests
{
    [Fact]
    public async Task Logs_carry_request_ids_and_outcomes_but_never_income_balances_or_notes()
    {
        var capture = new LogCapture();
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, MinimumLogLevel = LogLevel.Trace },
            services => services.AddSingleton<ILoggerProvider>(capture));
        await using var _ = host;
        using var client = new OfferClient(host.Address);

        var request = Requests.FromFile("forgot-to-pay.json");
        request.RequestId = "privacy-check-1";
        request.Account.PrincipalMinor = 187_654_321;
        request.Inquiry.MonthlyIncomeMinor = 456_789_123;
        request.Inquiry.LumpSumAvailableMinor = 123_456_789;
        request.Inquiry.Notes = "Zebracorn quince privado";
        Assert.NotNull((await client.GenerateAsync(request, TimeSpan.FromSeconds(30))).Response);

        var bad = request.Clone();
        bad.RequestId = "privacy-check-2";
        bad.Inquiry.PayDay = new Api.V1.PayDay { DayOfMonth = 32 };
        Assert.NotNull((await client.GenerateAsync(bad)).Failure);

        var lines = capture.Lines.ToArray();
        var text = string.Join("\n", lines);
        Assert.Contains(lines, l => l.Contains("privacy-check-1", StringComparison.Ordinal) && l.Contains("answered OK", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("privacy-check-2", StringComparison.Ordinal) && l.Contains("InvalidArgument", StringComparison.Ordinal));
        Assert.Contains(CallLogInterceptor.AccountRef(request.Account.AccountId), text, StringComparison.Ordinal);
        foreach (var secret in new[] { "187654321", "187.654.321", "456789123", "456.789.123", "123456789", "123.456.789", "Zebracorn", request.Account.AccountId })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
