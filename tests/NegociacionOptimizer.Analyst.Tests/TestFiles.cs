using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Tests;

/// <summary>Paths of the repository's policy files (copied next to the tests) and a scratch folder per test.</summary>
internal static class TestFiles
{
    public static string Policy(string name) => Path.Combine(AppContext.BaseDirectory, "policies", name);

    public static string ScratchFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "negociacion-analyst-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A plain-text, 240-column console whose output the test reads back.</summary>
    public static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        // Wide enough that long scratch paths and tables are never wrapped.
        console.Profile.Width = 240;
        return (console, output);
    }
}
