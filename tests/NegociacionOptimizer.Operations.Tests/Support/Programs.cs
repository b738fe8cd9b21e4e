using System.Diagnostics;
using NegociacionOptimizer.Security.Tests.Support;

namespace NegociacionOptimizer.Operations.Tests.Support;

/// <summary>
/// The three programs as built with the tests (each in its own output folder, with its own dependencies), run as
/// separate processes the way a user runs them.
/// </summary>
public static class Programs
{
    /// <summary>The server's entry assembly.</summary>
    public static string Server => Output("src/NegociacionOptimizer.Server", "NegociacionOptimizer.Server.dll");

    /// <summary>The sample client's entry assembly.</summary>
    public static string SampleClient => Output("samples/NegociacionOptimizer.SampleClient", "NegociacionOptimizer.SampleClient.dll");

    /// <summary>The analyst CLI's entry assembly.</summary>
    public static string Analyst => Output("src/NegociacionOptimizer.Analyst", "negociacion-analyst.dll");

    /// <summary>A project's output folder for the tests' configuration (e.g. bin/Debug/net10.0/linux-x64).</summary>
    public static string OutputFolder(string project) => Path.Combine(RepositoryRoot, project, OutputTail);

    /// <summary>The <c>dotnet</c> host running the tests.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The repository root (the folder holding the solution).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Runs <paramref name="assembly"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> (the
    /// repository root by default), without the caller's NEGOCIACION_* settings, and returns its exit code and outputs.
    /// </summary>
    public static Task<(int Code, string Output, string Error)> RunAsync(
        string assembly, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.RunAsync(Start(Dotnet, [assembly, .. arguments], workingDirectory, environment));

    /// <summary>A process start with redirected output and a clean NEGOCIACION_* environment plus <paramref name="environment"/>.</summary>
    public static ProcessStartInfo Start(string file, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NEGOCIACION", StringComparison.Ordinal)
            || k.StartsWith("Security__", StringComparison.Ordinal) || k is "ASPNETCORE_URLS" or "DOTNET_URLS").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration => OutputTail.Split(Path.DirectorySeparatorChar)[1];

    private static string OutputTail =>
        AppContext.BaseDirectory[(AppContext.BaseDirectory.LastIndexOf($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) + 1)..];

    private static string Output(string project, string assembly) => Path.Combine(OutputFolder(project), assembly);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NegociacionOptimizer.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above the test assembly.");
    }
}
