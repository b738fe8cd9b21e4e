using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Tests.Hosting;

public class ServerOptionsTests
{
    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void Without_arguments_the_server_listens_on_5080() =>
        Assert.Equal(5080, ServerOptions.Parse([], NoEnvironment).Port);

    [Fact]
    public void The_port_comes_from_the_environment_unless_the_command_line_sets_it()
    {
        static string? Env(string name) => name == "NEGOCIACION_PORT" ? "6001" : null;
        Assert.Equal(6001, ServerOptions.Parse([], Env).Port);
        Assert.Equal(6002, ServerOptions.Parse(["--port", "6002"], Env).Port);
        Assert.Equal(6003, ServerOptions.Parse(["--port=6003"], Env).Port);
    }

    [Fact]
    public void Urls_are_taken_as_given() =>
        Assert.Equal("http://0.0.0.0:7000", ServerOptions.Parse(["--urls", "http://0.0.0.0:7000"], NoEnvironment).Urls);

    [Fact]
    public void A_port_that_is_not_a_number_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse(["--port", "http"], NoEnvironment));

    [Fact]
    public void Solve_capacity_and_log_format_come_from_the_environment_unless_the_command_line_sets_them()
    {
        static string? Env(string name) => name switch
        {
            "NEGOCIACION_MAX_CONCURRENT_SOLVES" => "3",
            "NEGOCIACION_SOLVE_QUEUE" => "0",
            "NEGOCIACION_LOG_FORMAT" => "json",
            _ => null,
        };
        var fromEnvironment = ServerOptions.Parse([], Env);
        Assert.Equal((3, 0, true), (fromEnvironment.MaxConcurrentSolves, fromEnvironment.SolveQueueLength, fromEnvironment.JsonLogs));
        var fromArguments = ServerOptions.Parse(["--max-concurrent-solves", "5", "--solve-queue=7", "--log-format", "text"], Env);
        Assert.Equal((5, 7, false), (fromArguments.MaxConcurrentSolves, fromArguments.SolveQueueLength, fromArguments.JsonLogs));
    }

    [Fact]
    public void By_default_one_solve_runs_per_core_and_two_per_core_may_wait()
    {
        var options = ServerOptions.Parse([], NoEnvironment);
        Assert.Equal((Environment.ProcessorCount, 2 * Environment.ProcessorCount), (options.MaxConcurrentSolves, options.SolveQueueLength));
    }

    [Fact]
    public void A_solve_capacity_that_is_not_a_positive_number_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse(["--max-concurrent-solves", "0"], NoEnvironment));
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse(["--solve-queue", "-1"], NoEnvironment));
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse(["--log-format", "xml"], NoEnvironment));
    }

    [Fact]
    public void The_drain_delay_is_one_second_unless_the_environment_or_the_command_line_sets_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), ServerOptions.Parse([], NoEnvironment).DrainDelay);
        string? Env(string name) => name == ServerOptions.DrainDelayVariable ? "2500" : null;
        Assert.Equal(TimeSpan.FromMilliseconds(2500), ServerOptions.Parse([], Env).DrainDelay);
        Assert.Equal(TimeSpan.Zero, ServerOptions.Parse(["--drain-delay-ms", "0"], Env).DrainDelay);
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse(["--drain-delay-ms", "60001"], NoEnvironment));
        Assert.Throws<ArgumentException>(() => ServerOptions.Parse(["--drain-delay-ms=-5"], NoEnvironment));
    }
}

public sealed class ServerOptionsPolicyFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("negociacion-cwd-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void Without_a_policies_folder_in_the_current_directory_only_the_built_in_policy_is_served() =>
        Assert.Null(ServerOptions.Parse([], NoEnvironment, _root).PoliciesFolder);

    [Fact]
    public void A_policies_folder_in_the_current_directory_is_served_by_default()
    {
        Directory.CreateDirectory(Path.Combine(_root, "policies"));
        Assert.Equal(Path.Combine(_root, "policies"), ServerOptions.Parse([], NoEnvironment, _root).PoliciesFolder);
    }

    [Fact]
    public void The_policies_folder_comes_from_the_environment_unless_the_command_line_sets_it()
    {
        static string? Env(string name) => name == "NEGOCIACION_POLICIES" ? "/srv/env-policies" : null;
        Assert.Equal("/srv/env-policies", ServerOptions.Parse([], Env, _root).PoliciesFolder);
        Assert.Equal("/srv/cli", ServerOptions.Parse(["--policies", "/srv/cli"], Env, _root).PoliciesFolder);
        Assert.Equal("/srv/cli2", ServerOptions.Parse(["--policies=/srv/cli2"], Env, _root).PoliciesFolder);
    }
}
