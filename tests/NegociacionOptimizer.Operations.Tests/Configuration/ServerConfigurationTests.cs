using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Configuration;

/// <summary>Where each server setting comes from, which source wins, and how a bad value is refused.</summary>
public sealed class ServerConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("negociacion-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ServerOptions Load(string[] args, IDictionary? environment = null) =>
        ServerConfiguration.Bind(ServerConfiguration.Read(args, environment ?? new Hashtable(), _folder), _folder);

    private string Refusal(string[] args, IDictionary? environment = null) =>
        Assert.Throws<StartupRefusedException>(() => Load(args, environment)).Message;

    [Fact]
    public void Without_settings_every_default_of_the_table_applies()
    {
        var options = Load([]);
        Assert.Equal(5080, options.Port);
        Assert.Null(options.Urls);
        Assert.Equal(Environment.ProcessorCount, options.MaxConcurrentSolves);
        Assert.Equal(2 * Environment.ProcessorCount, options.SolveQueueLength);
        Assert.Equal(TimeSpan.FromSeconds(1), options.DrainDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownTimeout);
        Assert.False(options.JsonLogs);
        Assert.Null(options.PoliciesFolder);
        Assert.EndsWith("NegociacionOptimizer", options.DataFolder, StringComparison.Ordinal);
        Assert.NotNull(options.Security);
        Assert.False(options.Security.HasCredentials);
    }

    [Fact]
    public void Appsettings_then_older_variables_then_NEGOCIACION__variables_then_the_command_line_win_in_that_order()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Negociacion": { "Port": 6100, "SolveQueue": 9 } }""");
        Assert.Equal((6100, 9), (Load([]).Port, Load([]).SolveQueueLength));
        var older = new Hashtable { ["NEGOCIACION_PORT"] = "6001" };
        Assert.Equal(6001, Load([], older).Port);
        var both = new Hashtable { ["NEGOCIACION_PORT"] = "6001", ["NEGOCIACION__PORT"] = "6004" };
        Assert.Equal(6004, Load([], both).Port);
        Assert.Equal(6002, Load(["--port", "6002"], both).Port);
        Assert.Equal(6003, Load(["--port=6003"], both).Port);
        Assert.Equal(6005, Load(["--Negociacion:Port=6005"], both).Port);
        Assert.Equal(9, Load(["--port", "6002"], both).SolveQueueLength);
    }

    [Fact]
    public void Every_older_variable_still_sets_its_setting()
    {
        var environment = new Hashtable
        {
            ["NEGOCIACION_MAX_CONCURRENT_SOLVES"] = "3",
            ["NEGOCIACION_SOLVE_QUEUE"] = "0",
            ["NEGOCIACION_LOG_FORMAT"] = "json",
            ["NEGOCIACION_DRAIN_DELAY_MS"] = "2500",
            ["NEGOCIACION_DATA"] = "/env/data",
            ["NEGOCIACION_POLICIES"] = "/env/policies",
        };
        var options = Load([], environment);
        Assert.Equal((3, 0, true), (options.MaxConcurrentSolves, options.SolveQueueLength, options.JsonLogs));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), options.DrainDelay);
        Assert.Equal(("/env/data", "/env/policies"), (options.DataFolder, options.PoliciesFolder));
        var fromArguments = Load(["--max-concurrent-solves", "5", "--solve-queue=7", "--log-format", "text", "--data", "/arg/data",
            "--policies", "/arg/policies", "--drain-delay-ms", "0"], environment);
        Assert.Equal((5, 7, false), (fromArguments.MaxConcurrentSolves, fromArguments.SolveQueueLength, fromArguments.JsonLogs));
        Assert.Equal(("/arg/data", "/arg/policies", TimeSpan.Zero), (fromArguments.DataFolder, fromArguments.PoliciesFolder, fromArguments.DrainDelay));
    }

    [Fact]
    public void A_policies_folder_in_the_working_folder_is_served_by_default()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "policies"));
        Assert.Equal(Path.Combine(_folder, "policies"), Load([]).PoliciesFolder);
    }

    [Fact]
    public void The_config_file_sits_above_appsettings_and_below_the_environment_and_carries_the_Security_section()
    {
        var file = Path.Combine(_folder, "extra.json");
        File.WriteAllText(file, """
            { "Negociacion": { "Port": 6200, "StreamParallelism": 3 },
              "Security": { "Reflection": false, "ApiKeys": [ { "Name": "crm", "Role": "agent", "Sha256": "00" } ] } }
            """);
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Negociacion": { "Port": 6100, "StreamParallelism": 2 } }""");
        var options = Load(["--config", "extra.json"], new Hashtable { ["NEGOCIACION__STREAMPARALLELISM"] = "5" });
        Assert.Equal((6200, 5), (options.Port, options.StreamParallelism));
        Assert.False(options.Security!.Reflection);
        Assert.Equal("crm", Assert.Single(options.Security.ApiKeys).Name);
        Assert.Equal(Path.Combine(_folder, "extra.json"), Path.GetFullPath(options.ConfigFile!, _folder));
        Assert.Contains("does not exist", Refusal(["--config", "missing.json"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--port", "abc" }, "Negociacion:Port (--port) must be a whole number 0..65535; got \"abc\"")]
    [InlineData(new[] { "--port", "70000" }, "Negociacion:Port (--port) must be 0..65535; got 70000")]
    [InlineData(new[] { "--max-concurrent-solves", "0" }, "Negociacion:MaxConcurrentSolves (--max-concurrent-solves) must be 1..1024; got 0")]
    [InlineData(new[] { "--solve-queue", "-1" }, "Negociacion:SolveQueue (--solve-queue) must be 0..1024; got -1")]
    [InlineData(new[] { "--drain-delay-ms=60001" }, "Negociacion:DrainDelayMs (--drain-delay-ms) must be 0..60000; got 60001")]
    [InlineData(new[] { "--log-format", "xml" }, "Negociacion:LogFormat (--log-format) must be one of Text, Json; got \"xml\"")]
    [InlineData(new[] { "--log-level", "3" }, "Negociacion:LogLevel (--log-level) must be one of Trace")]
    [InlineData(new[] { "--shutdown-timeout-ms", "1000", "--drain-delay-ms", "2000" }, "must exceed the drain delay (2000 ms); got 1000")]
    [InlineData(new[] { "--otlp-endpoint", "collector:4317" }, "Negociacion:OtlpEndpoint (--otlp-endpoint) must be an http:// or https:// URL; got \"collector:4317\"")]
    [InlineData(new[] { "--http-port", "-1" }, "Negociacion:HttpPort (--http-port) must be 0..65535; got -1")]
    [InlineData(new[] { "--http", "maybe" }, "Negociacion:Http (--http)")]
    [InlineData(new[] { "--prot", "6000" }, "Unknown argument \"--prot\"")]
    [InlineData(new[] { "6000" }, "Unknown argument \"6000\"")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    public void A_bad_value_is_refused_with_one_line_naming_the_setting(string[] args, string expected)
    {
        var message = Refusal(args);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Every_bad_value_is_listed_in_the_one_line()
    {
        var message = Refusal(["--port", "abc", "--solve-queue", "x"], new Hashtable { ["NEGOCIACION__STREAMPARALLELISM"] = "0" });
        Assert.Contains("Negociacion:Port", message, StringComparison.Ordinal);
        Assert.Contains("Negociacion:SolveQueue", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("Negociacion:StreamParallelism (--stream-parallelism) must be 1..1024; got 0", Refusal([], new Hashtable { ["NEGOCIACION__STREAMPARALLELISM"] = "0" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_built_in_code_are_checked_against_the_same_ranges_when_the_server_is_built() =>
        Assert.Contains("Negociacion:Port (--port) must be 0..65535; got -1",
            Assert.Throws<StartupRefusedException>(() => ServerHost.Build(new ServerOptions { Port = -1 })).Message, StringComparison.Ordinal);

    [Fact]
    public async Task The_options_pattern_serves_the_settings_the_server_was_built_with_and_checks_each_setting()
    {
        var settings = new ServerOptions { Port = 0, HttpEnabled = false, DataFolder = TempDataFolder.New(), MinimumLogLevel = LogLevel.Warning, DrainDelayMs = 0, SolveQueueLength = 3 };
        await using (var server = await ServerHost.StartAsync(settings))
        {
            var served = server.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
            Assert.Same(server.Services.GetRequiredService<ServerOptions>(), served);
            Assert.Equal((settings.SolveQueueLength, settings.HttpEnabled, settings.DrainDelayMs), (served.SolveQueueLength, served.HttpEnabled, served.DrainDelayMs));
        }

        var invalid = new ServerOptionsValidation().Validate(Options.DefaultName, new ServerOptions { Port = -1, SolveQueueLength = -1 });
        Assert.True(invalid.Failed);
        Assert.Equal(2, invalid.Failures!.Count());
    }

    [Fact]
    public void The_http_port_on_another_interface_needs_credentials_like_the_grpc_port() =>
        Assert.Contains("Refusing to listen on http://0.0.0.0:0 without caller credentials",
            Assert.Throws<StartupRefusedException>(() => ServerHost.Build(new ServerOptions { Port = 0, HttpUrls = "http://0.0.0.0:0" })).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Help_lists_every_setting_with_its_switch_key_variables_and_default()
    {
        var help = ServerConfiguration.Help();
        foreach (var property in typeof(ServerOptions).GetProperties().Where(p => p.GetCustomAttributes(typeof(SettingAttribute), false).Length > 0))
        {
            var setting = (SettingAttribute)property.GetCustomAttributes(typeof(SettingAttribute), false)[0];
            Assert.Contains(setting.CommandLine, help, StringComparison.Ordinal);
            if (setting.Legacy is { } legacy)
            {
                Assert.Contains(legacy, help, StringComparison.Ordinal);
            }
        }

        Assert.Contains("default 5080; 0..65535", help, StringComparison.Ordinal);
        Assert.Contains("Negociacion:Port; NEGOCIACION__PORT, NEGOCIACION_PORT", help, StringComparison.Ordinal);
        Assert.Contains("default 1000; 0..60000", help, StringComparison.Ordinal);
    }
}
