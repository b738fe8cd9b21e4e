using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

/// <summary>The ledger's rows of the settings table: where they come from, their defaults and ranges, and a ledger that cannot open.</summary>
public sealed class LedgerOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("negociacion-ledger-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ServerOptions Load(string[] args, IDictionary? environment = null) =>
        ServerConfiguration.Bind(ServerConfiguration.Read(args, environment ?? new Hashtable(), _folder), _folder);

    [Fact]
    public void The_ledger_connection_and_retention_come_from_the_environment_unless_the_command_line_sets_them()
    {
        var environment = new Hashtable
        {
            [ServerOptions.LedgerVariable] = "Host=db;Database=ledger",
            [ServerOptions.LedgerRetentionVariable] = "30",
        };

        var defaults = Load([]);
        Assert.Equal((null, 365, SqlLedger.DefaultMaxBatch), (defaults.LedgerConnection, defaults.LedgerRetentionDays, defaults.LedgerMaxBatch));
        var fromEnvironment = Load([], environment);
        Assert.Equal(("Host=db;Database=ledger", 30), (fromEnvironment.LedgerConnection, fromEnvironment.LedgerRetentionDays));
        var fromArguments = Load(["--ledger", "/srv/ledger.db", "--ledger-retention-days=7", "--ledger-max-batch", "16"], environment);
        Assert.Equal(("/srv/ledger.db", 7, 16), (fromArguments.LedgerConnection, fromArguments.LedgerRetentionDays, fromArguments.LedgerMaxBatch));
        var fromKeys = Load([], new Hashtable { ["NEGOCIACION__LEDGER"] = "Host=other", ["NEGOCIACION__LEDGERRETENTIONDAYS"] = "9" });
        Assert.Equal(("Host=other", 9), (fromKeys.LedgerConnection, fromKeys.LedgerRetentionDays));
    }

    [Fact]
    public async Task The_config_files_ledger_settings_are_read_when_neither_command_line_nor_environment_sets_them()
    {
        var config = Path.Combine(_folder, "server.json");
        var ledgerFile = Path.Combine(_folder, "configured.db");
        await File.WriteAllTextAsync(config, $$"""{ "Negociacion": { "Ledger": "{{ledgerFile}}", "LedgerRetentionDays": 5 } }""");
        var configuration = ServerConfiguration.Read(["--config", config, "--port", "0", "--http-port", "0", "--data", TempDataFolder.New()], new Hashtable(), _folder);

        var app = ServerHost.Build(ServerConfiguration.Bind(configuration, _folder), configuration);
        await using (app)
        {
            Assert.Equal(5, app.Services.GetRequiredService<ServerOptions>().LedgerRetentionDays);
        }

        Assert.True(File.Exists(ledgerFile));
    }

    [Fact]
    public async Task An_empty_ledger_connection_means_the_sqlite_file_in_the_data_folder()
    {
        var data = TempDataFolder.New();
        var options = Load(["--ledger", "", "--port", "0", "--http-port", "0", "--data", data], new Hashtable { [ServerOptions.LedgerVariable] = "" });
        Assert.Equal("", options.LedgerConnection ?? "");

        var app = ServerHost.Build(options);
        await using (app)
        {
            Assert.Equal(LedgerConnection.InDataFolder(data), app.Services.GetRequiredService<SqlLedger>().Connection);
        }

        Assert.True(File.Exists(Path.Combine(data, LedgerConnection.DefaultFileName)));
    }

    [Theory]
    [InlineData(new[] { "--ledger-retention-days", "0" }, "Negociacion:LedgerRetentionDays (--ledger-retention-days) must be 1..3650; got 0")]
    [InlineData(new[] { "--ledger-retention-days", "3651" }, "Negociacion:LedgerRetentionDays (--ledger-retention-days) must be 1..3650; got 3651")]
    [InlineData(new[] { "--ledger-retention-days", "a year" }, "Negociacion:LedgerRetentionDays (--ledger-retention-days) must be a whole number 1..3650; got \"a year\"")]
    [InlineData(new[] { "--ledger-max-batch", "0" }, "Negociacion:LedgerMaxBatch (--ledger-max-batch) must be 1..1000; got 0")]
    [InlineData(new[] { "--ledger-max-batch", "5000" }, "Negociacion:LedgerMaxBatch (--ledger-max-batch) must be 1..1000; got 5000")]
    [InlineData(new[] { "--ledger" }, "--ledger needs a value")]
    public void A_ledger_setting_out_of_range_is_refused_with_one_line_naming_it(string[] args, string expected)
    {
        var message = Assert.Throws<StartupRefusedException>(() => Load(args)).Message;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void An_older_variable_out_of_range_is_refused_like_the_switch() =>
        Assert.Contains("Negociacion:LedgerRetentionDays (--ledger-retention-days) must be 1..3650; got 0",
            Assert.Throws<StartupRefusedException>(() => Load([], new Hashtable { [ServerOptions.LedgerRetentionVariable] = "0" })).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Help_lists_the_ledger_settings_with_their_defaults_ranges_and_older_variables()
    {
        var help = ServerConfiguration.Help();
        Assert.Contains("--ledger ", help, StringComparison.Ordinal);
        Assert.Contains("Negociacion:Ledger; NEGOCIACION__LEDGER, NEGOCIACION_LEDGER", help, StringComparison.Ordinal);
        Assert.Contains("default 365; 1..3650", help, StringComparison.Ordinal);
        Assert.Contains("Negociacion:LedgerRetentionDays; NEGOCIACION__LEDGERRETENTIONDAYS, NEGOCIACION_LEDGER_RETENTION_DAYS", help, StringComparison.Ordinal);
        Assert.Contains($"default {SqlLedger.DefaultMaxBatch}; 1..1000", help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_that_cannot_be_opened_or_options_out_of_range_stop_the_start_with_one_line()
    {
        var unreachable = new ServerOptions
        {
            Port = 0,
            HttpPort = 0,
            DataFolder = TempDataFolder.New(),
            LedgerConnection = "Host=127.0.0.1;Port=1;Database=ledger;Username=u;Password=hidden;Timeout=2",
        };
        var outOfRange = unreachable with { LedgerConnection = null, LedgerMaxBatch = 0 };

        var down = Assert.Throws<StartupRefusedException>(() => ServerHost.Build(unreachable));
        var range = Assert.Throws<StartupRefusedException>(() => ServerHost.Build(outOfRange));

        Assert.StartsWith("Ledger: The ledger (PostgreSQL 127.0.0.1:1/ledger) cannot be opened", down.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", down.Message, StringComparison.Ordinal);
        Assert.StartsWith("Negociacion:LedgerMaxBatch (--ledger-max-batch) must be 1..1000; got 0", range.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', down.Message);
    }
}
