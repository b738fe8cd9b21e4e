using System.Diagnostics;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>Runs one of the project's programs as a separate process, as a user would, and collects what it printed.</summary>
public static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> (standard output and error redirected), waits for it to exit (at most 60 s, then
    /// kills it and fails) and returns its exit code and both outputs.
    /// </summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await error);
    }
}
