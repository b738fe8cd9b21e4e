using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;
using NegociacionOptimizer.Server.Calendars;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Calendars;

/// <summary>
/// The real server with a policies folder holding calendars/overrides.json: checked at start, hot-reloaded like the
/// policies, a bad edit rejected with a log line while the last good overrides stay. Reloads are awaited on the store's
/// counters (a bounded poll), never on a fixed sleep.
/// </summary>
public sealed class CalendarOverridesServerTests : IDisposable
{
    private const string PolicyId = "co-calendar";

    // Monthly pay day 10 from 2026-11-20 without grace periods: every plan's first installment is due on Thursday
    // 10 December 2026, a business day in Colombia unless an override makes it a holiday.
    private const string PayDay = "2026-12-10";
    private const string NextBusinessDay = "2026-12-11";

    private static readonly TimeSpan ReloadGuard = TimeSpan.FromMinutes(1);

    private readonly TempPolicyFolder _folder = new();
    private readonly LogCapture _logs = new();

    public CalendarOverridesServerTests()
    {
        var policy = TempPolicyFolder.Policy(PolicyId);
        policy.Country = "CO";
        policy.MaxGracePeriods = 0;
        _folder.Write(policy);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "calendars"));
    }

    public void Dispose()
    {
        _logs.Dispose();
        _folder.Dispose();
    }

    private static string Overrides(string action, string date) =>
        $$"""{ "overrides": [ { "country": "CO", "date": "{{date}}", "action": "{{action}}", "name": "Día cívico", "source": "Decreto de prueba" } ] }""";

    private void WriteOverrides(string text) => _folder.WriteText(CalendarOverridesFile.RelativePath, text);

    private Task<ServerHost> StartAsync() => ServerHost.StartAsync(
        new ServerOptions { Port = 0, HttpPort = 0, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Information, PoliciesFolder = _folder.Path },
        services => services.AddSingleton<ILoggerProvider>(_logs));

    private static async Task<IReadOnlyList<string>> FirstDueDatesAsync(OfferClient client)
    {
        var request = Requests.Valid();
        request.PolicyId = PolicyId;
        var response = Assert.IsType<GenerateOffersResponse>((await client.GenerateAsync(request)).Response);
        var plans = response.Offers.Where(o => o.Schedule.Count > 0).ToList();
        Assert.NotEmpty(plans);
        return [.. plans.Select(o => o.Schedule[0].DueDate).Distinct()];
    }

    private static async Task WaitUntilAsync(Func<bool> condition) =>
        Assert.True(await Eventually.TrueAsync(condition, ReloadGuard), "the overrides file was not reloaded");

    [Fact]
    public async Task An_override_saved_at_runtime_moves_due_dates_a_bad_edit_keeps_it_and_deleting_the_file_removes_it()
    {
        await using var host = await StartAsync();
        using var client = new OfferClient(host.Address);
        var store = host.Services.GetRequiredService<CalendarOverrideStore>();
        Assert.Equal([PayDay], await FirstDueDatesAsync(client));

        var loaded = store.Generation;
        WriteOverrides(Overrides("add", PayDay));
        await WaitUntilAsync(() => store.Generation > loaded);
        Assert.Equal([NextBusinessDay], await FirstDueDatesAsync(client));

        var rejected = store.Rejections;
        WriteOverrides(Overrides("move", PayDay));
        await WaitUntilAsync(() => store.Rejections > rejected);
        Assert.Equal([NextBusinessDay], await FirstDueDatesAsync(client));
        Assert.Contains(_logs.Lines, l => l.Contains("overrides[0].action: must be \"add\" or \"remove\"; got \"move\"", StringComparison.Ordinal)
                                          && l.Contains("the 1 override(s) loaded before stay in force", StringComparison.Ordinal));

        loaded = store.Generation;
        _folder.Delete(CalendarOverridesFile.RelativePath);
        await WaitUntilAsync(() => store.Generation > loaded);
        Assert.Equal([PayDay], await FirstDueDatesAsync(client));
    }

    [Fact]
    public async Task An_overrides_file_present_at_start_applies_from_the_first_call()
    {
        WriteOverrides(Overrides("add", PayDay));
        await using var host = await StartAsync();
        using var client = new OfferClient(host.Address);

        Assert.Equal([NextBusinessDay], await FirstDueDatesAsync(client));
    }

    [Fact]
    public async Task An_invalid_overrides_file_stops_the_start_with_a_one_line_reason()
    {
        WriteOverrides(Overrides("remove", PayDay));

        var error = await Assert.ThrowsAsync<InvalidDataException>(StartAsync);

        Assert.Contains("overrides.json rejected: overrides[0].date: CO 2026-12-10 is not a holiday by rule; nothing to remove", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
