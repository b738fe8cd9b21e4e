using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Security.Tests.Support;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Security;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Configuration;

/// <summary>
/// Every README command a test can run, exactly as written, through bash from the repository root: the sample client's
/// calls (against a server on a free port named by NEGOCIACION_ADDRESS, its offer clock on the samples' valuation day), the analyst's <c>validate</c>, and the
/// programs' help and version. <c>dotnet run --project P --</c> runs P's already-built assembly, and
/// <c>negociacion-analyst</c> the built tool, so the test does not build. Commands left out, and why: starting a server
/// on the fixed port 5080 (the published-layout test starts one), the 100,000-account simulations (minutes of CPU),
/// grpcurl (not installed), the test and load scripts themselves.
/// </summary>
public sealed partial class ReadmeCommandTests
{
    private static readonly string Shell = $$"""
        dotnet() {
          if [ "$1" = run ] && [ "$2" = --project ]; then
            local project="$3"; shift 3; [ "$1" = -- ] && shift
            command dotnet "{{Programs.RepositoryRoot}}/$project/{{Programs.OutputFolder("")[(Programs.RepositoryRoot.Length + 1)..]}}$(basename "$project").dll" "$@"
          else
            command dotnet "$@"
          fi
        }
        negociacion-analyst() { command dotnet "{{Programs.Analyst}}" "$@"; }
        """;

    public static TheoryData<string> Commands => [.. Readme()];

    [Fact]
    public void The_readme_has_the_commands_this_test_runs() =>
        Assert.True(Readme().Count >= 10, string.Join('\n', Readme()));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_readme_command_works_verbatim(string command)
    {
        await using var server = await ServerHost.StartAsync(new ServerOptions
        {
            Port = 0, HttpPort = 0,
            DataFolder = TempDataFolder.New(),
            MinimumLogLevel = LogLevel.Warning,
            DrainDelayMs = 0,
            PoliciesFolder = Path.Combine(Programs.RepositoryRoot, "policies"),
        },
        // The sample requests' valuation day: their offers are still open, so the README's --accept command can take one.
        services => services.AddSingleton(new SecurityClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)))));
        var (code, output, error) = await ChildProcess.RunAsync(Programs.Start("bash", ["-c", Shell + "\n" + command],
            environment: new Dictionary<string, string> { ["NEGOCIACION_ADDRESS"] = server.Address.ToString() }));
        var refused = command.Contains("bad-request", StringComparison.Ordinal);
        Assert.True(code == (refused ? 1 : 0), $"exit {code}\n{output}\n{error}");
        Assert.Contains(refused ? "InvalidArgument: " : "", output, StringComparison.Ordinal);
    }

    private static List<string> Readme()
    {
        var text = File.ReadAllText(Path.Combine(Programs.RepositoryRoot, "README.md"));
        return [.. Fences().Matches(text).SelectMany(m => m.Groups[1].Value.Split('\n'))
            .Select(line => line.Split("  #", 2)[0].Trim())
            .Where(line => line.StartsWith("dotnet run --project samples/NegociacionOptimizer.SampleClient", StringComparison.Ordinal)
                || line.StartsWith("negociacion-analyst validate", StringComparison.Ordinal)
                || Regex.IsMatch(line, "^(dotnet run --project src/NegociacionOptimizer.Server|negociacion-analyst).* --(help|version)$"))
            .Distinct()];
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fences();
}
