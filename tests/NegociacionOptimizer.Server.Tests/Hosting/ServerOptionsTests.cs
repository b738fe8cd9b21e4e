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
