using NegociacionOptimizer.Operations.Tests.Support;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Operations.Tests.Configuration;

/// <summary>
/// The three programs as a newcomer first runs them: <c>--help</c> and <c>--version</c> exit 0, a bad value exits 2 with
/// one line on standard error and no stack trace.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("negociacion-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> HelpAndVersion => new()
    {
        { "server", "--help" }, { "server", "--version" },
        { "client", "--help" }, { "client", "--version" },
        { "analyst", "--help" }, { "analyst", "--version" },
    };

    public static TheoryData<string, string[], string> BadUsage => new()
    {
        { "server", ["--port", "abc"], "Negociacion:Port (--port) must be a whole number 0..65535; got \"abc\"" },
        { "server", ["--max-concurrent-solves", "0"], "must be 1..1024; got 0" },
        { "server", ["--policies"], "--policies needs a value" },
        { "client", ["no-such-request.json"], "no-such-request.json" },
        { "client", ["samples/requests/forgot-to-pay.json", "--address", "not a url"], "--address" },
        { "client", ["--frobnicate"], "--frobnicate" },
        { "analyst", ["simulate", "--synthetic", "abc"], "abc" },
        { "analyst", ["no-such-command"], "no-such-command" },
    };

    private static string Assembly(string program) => program switch
    {
        "server" => Programs.Server,
        "client" => Programs.SampleClient,
        _ => Programs.Analyst,
    };

    [Theory]
    [MemberData(nameof(HelpAndVersion))]
    public async Task Help_and_version_exit_0_and_print_to_standard_output(string program, string option)
    {
        var (code, output, error) = await Programs.RunAsync(Assembly(program), [option], _folder);
        Assert.True(code == 0, error);
        Assert.Contains(option == "--help" ? "--version" : "0.9.0", output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(error);
    }

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_usage_exits_2_with_one_line_and_no_stack_trace(string program, string[] arguments, string expected)
    {
        var (code, output, error) = await Programs.RunAsync(Assembly(program), arguments);
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_help_lists_every_setting_with_its_default()
    {
        var (code, output, _) = await Programs.RunAsync(Programs.Server, ["--help"], _folder);
        Assert.Equal(0, code);
        Assert.Equal(ServerConfiguration.Help().ReplaceLineEndings(), output.ReplaceLineEndings());
        Assert.Contains("--drain-delay-ms", output, StringComparison.Ordinal);
        Assert.Contains("default 5080; 0..65535", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_client_help_shows_the_usage_of_both_calls()
    {
        var (code, output, _) = await Programs.RunAsync(Programs.SampleClient, ["--help"]);
        Assert.Equal(0, code);
        Assert.Contains("<request.json>", output, StringComparison.Ordinal);
        Assert.Contains("evaluate", output, StringComparison.Ordinal);
        Assert.Contains("--address", output, StringComparison.Ordinal);
    }
}
