using CsvHelper;
using Google.Protobuf;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>Runs a command's body and turns the errors an analyst can fix (files, formats, data) into one clear line and exit code 1.</summary>
internal static class CommandRunner
{
    public static int Run(IAnsiConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or CsvFormatException
                                       or InvalidOperationException or ArgumentException or InvalidProtocolBufferException
                                       or InvalidJsonException or NegociacionOptimizer.Ledger.LedgerUnavailableException)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
            return 1;
        }
    }

    /// <summary>The asynchronous form of <see cref="Run"/>; a server that fails or cannot be reached is also one clear line.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or CsvFormatException
                                       or InvalidOperationException or ArgumentException or InvalidProtocolBufferException
                                       or InvalidJsonException or Grpc.Core.RpcException or HttpRequestException)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
            return 1;
        }
    }

    /// <summary>Creates the file's folder if needed and writes UTF-8 text without a byte-order mark.</summary>
    public static StreamWriter CreateText(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
    }
}
