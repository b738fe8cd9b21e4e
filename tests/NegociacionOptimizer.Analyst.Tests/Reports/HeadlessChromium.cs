using System.Diagnostics;

namespace NegociacionOptimizer.Analyst.Tests.Reports;

/// <summary>
/// Debian's <c>chromium</c> run headless, offline (no network services, a throw-away profile), to render a local page and
/// return its DOM after the page's load event. tests/run.sh installs the package when it is missing; a machine without it
/// fails the test that needs it with a message saying so, never passes it silently.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Guards against a browser that hangs; a render takes about a second.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static string DumpDom(string htmlFile)
    {
        var browser = Locate() ?? throw new InvalidOperationException(
            "chromium is not installed: run tests/run.sh (it installs it as root) or `apt-get install chromium`.");
        var profile = TestFiles.ScratchFolder();
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(htmlFile).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{browser} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{browser} did not finish rendering {htmlFile}.");
        }

        return process.ExitCode == 0
            ? dom
            : throw new InvalidOperationException($"{browser} exited with {process.ExitCode}: {stderr.Result}");
    }

    private static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
}
