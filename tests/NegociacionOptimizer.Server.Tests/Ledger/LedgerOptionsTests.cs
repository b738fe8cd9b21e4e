using Microsoft.Extensions.DependencyInjection;
using NegociacionOptimizer.Ledger;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

public sealed class LedgerOptionsTests
{
    [Fact]
    public void The_ledger_connection_and_retention_come_from_the_environment_unless_the_command_line_sets_them()
    {
        static string? Env(string name) => name switch
        {
            ServerOptions.LedgerVariable => "Host=db;Database=ledger",
            ServerOptions.LedgerRetentionVariable => "30",
            _ => null,
        };

        Assert.Null(ServerOptions.Parse([], _ => null).Ledger);
        Assert.Equal(new LedgerOptions { Connection = "Host=db;Database=ledger", RetentionDays = 30 }, ServerOptions.Parse([], Env).Ledger);
        Assert.Equal(new LedgerOptions { Connection = "/srv/ledger.db", RetentionDays = 7 },
            ServerOptions.Parse(["--ledger", "/srv/ledger.db", "--ledger-retention-days=7"], Env).Ledger);
    }

    [Fact]
    public async Task The_configuration_files_ledger_section_is_read_when_neither_command_line_nor_environment_sets_one()
    {
        var data = TempDataFolder.New();
        Directory.CreateDirectory(data);
        var config = Path.Combine(data, "server.json");
        var ledgerFile = Path.Combine(data, "configured.db");
        await File.WriteAllTextAsync(config, $$"""{ "Ledger": { "Connection": "{{ledgerFile}}", "RetentionDays": 5 } }""");

        var app = ServerHost.Build(new ServerOptions { Port = 0, DataFolder = data, ConfigFile = config });
        await using (app)
        {
            Assert.Equal(5, app.Services.GetRequiredService<LedgerOptions>().RetentionDays);
        }

        Assert.True(File.Exists(ledgerFile));
    }

    [Theory]
    [InlineData("--ledger-retention-days", "0")]
    [InlineData("--ledger-retention-days", "3651")]
    [InlineData("--ledger", "")]
    public void A_ledger_setting_out_of_range_is_rejected(string name, string value) =>
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse([name, value], _ => null));

    [Fact]
    public void A_ledger_that_cannot_be_opened_or_options_out_of_range_stop_the_start_with_one_line()
    {
        var unreachable = new ServerOptions
        {
            Port = 0,
            DataFolder = TempDataFolder.New(),
            Ledger = new LedgerOptions { Connection = "Host=127.0.0.1;Port=1;Database=ledger;Username=u;Password=hidden;Timeout=2" },
        };
        var outOfRange = unreachable with { Ledger = new LedgerOptions { MaxBatch = 0 } };

        var down = Assert.Throws<StartupRefusedException>(() => ServerHost.Build(unreachable));
        var range = Assert.Throws<StartupRefusedException>(() => ServerHost.Build(outOfRange));

        Assert.StartsWith("Ledger: The ledger (PostgreSQL 127.0.0.1:1/ledger) cannot be opened", down.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", down.Message, StringComparison.Ordinal);
        Assert.StartsWith("Ledger:MaxBatch", range.Message, StringComparison.Ordinal);
    }
}
