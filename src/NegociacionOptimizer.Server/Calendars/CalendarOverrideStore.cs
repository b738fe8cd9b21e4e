using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Server.Hosting;
using NegociacionOptimizer.Server.Policies;

namespace NegociacionOptimizer.Server.Calendars;

/// <summary>
/// The business calendars the server computes due dates with: the built-in rules plus the operator's dated overrides
/// (<see cref="CalendarOverridesFile"/>), loaded at start and reloaded when the file changes, through the same folder
/// watch as the policies (events with a debounce, and the periodic rescan). An invalid file at start stops the start
/// with a one-line reason; an invalid edit later is rejected with a log line and the last good overrides stay. Deleting
/// the file removes every override. Readers see one consistent <see cref="CalendarSet"/>; a reload swaps it whole.
/// </summary>
public sealed partial class CalendarOverrideStore : ICalendarSource, IDisposable
{
    private readonly string? _file;
    private readonly ILogger<CalendarOverrideStore> _logger;
    private readonly Lock _gate = new();
    private readonly FolderWatch? _watch;
    private volatile CalendarSet _current = CalendarSet.BuiltIn;
    private string? _seen;
    private long _generation;
    private long _rejections;

    /// <summary>Only the built-in calendars (no policies folder).</summary>
    public CalendarOverrideStore()
        : this(null, NullLogger<CalendarOverrideStore>.Instance)
    {
    }

    /// <summary>
    /// Loads <c>calendars/overrides.json</c> of <paramref name="folder"/> now (no file: no overrides) and then watches it.
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists and fails a check; the message lists every problem on one line.</exception>
    public CalendarOverrideStore(PolicyFolder? folder, ILogger<CalendarOverrideStore> logger)
    {
        _logger = logger;
        if (folder is null)
        {
            return;
        }

        _file = Path.Combine(folder.Path, CalendarOverridesFile.RelativePath);
        if (!TryReload(out var problems))
        {
            throw new InvalidDataException($"Calendar overrides file {_file} rejected: {string.Join("; ", problems)}");
        }

        _watch = new FolderWatch(folder.Path, "*.json", includeSubdirectories: true, folder.Debounce, folder.Rescan, SafeReload, logger);
    }

    /// <summary>The calendars in force now.</summary>
    public CalendarSet Current => _current;

    /// <summary>How many times overrides were put in force, the load at start included (a rejected edit does not count).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many edits were rejected since start.</summary>
    public long Rejections => Interlocked.Read(ref _rejections);

    /// <inheritdoc/>
    public bool TryGet(string country, [MaybeNullWhen(false)] out IBusinessCalendar calendar) => _current.TryGet(country, out calendar);

    /// <summary>Looks at the file now and applies a change; file events and the rescan call this, and so may tests.</summary>
    public void Reload()
    {
        if (_file is not null && !TryReload(out var problems))
        {
            Interlocked.Increment(ref _rejections);
            LogRejected(_logger, _file, problems.Count, _current.Overrides.Count, string.Join("; ", problems));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _watch?.Dispose();

    /// <summary>Reads the file and, when it changed and passes every check, swaps it in; false (with the problems) when rejected.</summary>
    private bool TryReload(out IReadOnlyList<string> problems)
    {
        problems = [];
        lock (_gate)
        {
            string? text;
            try
            {
                text = File.Exists(_file) ? ReadShared(_file!) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Being written or replaced right now: the event that follows, or the next rescan, reads it again.
                LogUnreadable(_logger, _file!, e.Message);
                return true;
            }

            var hash = text is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (hash == _seen)
            {
                return true;
            }

            _seen = hash;
            var next = text is null ? CalendarSet.BuiltIn : CalendarOverridesFile.Load(text, out problems);
            if (next is null)
            {
                return false;
            }

            _current = next;
            Interlocked.Increment(ref _generation);
            LogLoaded(_logger, next.Overrides.Count, _file!);
            return true;
        }
    }

    private void SafeReload()
    {
        try
        {
            Reload();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(_logger, e, _file!);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar overrides: {Count} in force from {File}")]
    private static partial void LogLoaded(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar overrides file {File} rejected with {Count} problem(s), the {Kept} override(s) loaded before stay in force: {Problems}")]
    private static partial void LogRejected(ILogger logger, string file, int count, int kept, string problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Calendar overrides file {File} not readable yet ({Reason}); retried on the next change or rescan")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the calendar overrides {File} failed; the loaded overrides stay in force")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string file);
}
