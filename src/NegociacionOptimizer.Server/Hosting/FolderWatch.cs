namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Calls a reload after file events in a folder, once the folder has been quiet for the debounce time (so a save in
/// several writes reloads once), and on a periodic rescan that catches what events miss (network shares, lost events).
/// The policies folder and the calendar overrides share this one mechanism. The reload runs on a timer thread and must
/// not throw.
/// </summary>
public sealed partial class FolderWatch : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly Timer _rescan;
    private readonly TimeSpan _quiet;

    /// <summary>Starts watching <paramref name="path"/> (which must exist).</summary>
    /// <param name="path">The folder.</param>
    /// <param name="filter">File name pattern, e.g. <c>*.json</c>.</param>
    /// <param name="includeSubdirectories">Whether events of sub-folders count.</param>
    /// <param name="debounce">Quiet time after the last event before <paramref name="reload"/> runs.</param>
    /// <param name="rescan">Period of the full rescan.</param>
    /// <param name="reload">What to do; must not throw.</param>
    /// <param name="logger">Where a failing watcher is reported.</param>
    public FolderWatch(
        string path, string filter, bool includeSubdirectories, TimeSpan debounce, TimeSpan rescan, Action reload, ILogger logger)
    {
        _quiet = debounce;
        _debounce = new Timer(_ => reload(), null, Timeout.Infinite, Timeout.Infinite);
        _rescan = new Timer(_ => reload(), null, rescan, rescan);
        _watcher = new FileSystemWatcher(path, filter)
        {
            IncludeSubdirectories = includeSubdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size
                           | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Schedule();
        _watcher.Created += (_, _) => Schedule();
        _watcher.Deleted += (_, _) => Schedule();
        _watcher.Renamed += (_, _) => Schedule();
        _watcher.Error += (_, e) =>
        {
            LogWatcherError(logger, path, e.GetException());
            Schedule();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
        _rescan.Dispose();
    }

    private void Schedule() => _debounce.Change(_quiet, Timeout.InfiniteTimeSpan);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folder watcher of {Folder} failed; relying on the periodic rescan")]
    private static partial void LogWatcherError(ILogger logger, string folder, Exception exception);
}
