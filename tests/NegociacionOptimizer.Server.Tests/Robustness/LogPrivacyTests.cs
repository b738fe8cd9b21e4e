using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Security;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

public class LogPrivacyTests
{
    [Fact]
    public async Task Logs_carry_request_ids_outcomes_and_refusal_counts_but_never_income_balances_or_notes()
    {
        var capture = new LogCapture();
        var host = await ServerHost.StartAsync(
            new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Trace },
            services => services.AddSingleton<ILoggerProvider>(capture));
        await using var _ = host;
        using var client = new OfferClient(host.Address);

        var request = PersonalDataProbe.Valid("privacy-check-1");
        Assert.NotNull((await client.GenerateAsync(request, TimeSpan.FromSeconds(30))).Response);

        var bad = PersonalDataProbe.Invalid(request, "privacy-check-2");
        Assert.NotNull((await client.GenerateAsync(bad)).Failure);

        var lines = capture.Lines.ToArray();
        var text = string.Join("\n", lines);
        Assert.Contains(lines, l => l.Contains("privacy-check-1", StringComparison.Ordinal) && l.Contains("answered OK", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Refused 1 call(s) with InvalidArgument", StringComparison.Ordinal));
        Assert.Contains(host.Services.GetRequiredService<AccountRefs>().Of(request.Account.AccountId), text, StringComparison.Ordinal);
        foreach (var secret in PersonalDataProbe.Secrets(request))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
