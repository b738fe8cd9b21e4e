using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Server.Hosting;

namespace NegociacionOptimizer.Server.Policies;

/// <summary>
/// The server's named policies: the built-in <c>default</c> plus the <c>&lt;id&gt;.json</c> files of a folder, loaded at
/// start-up and reloaded when a file changes (file events with a debounce, and a periodic rescan). A file that fails any
/// check of <see cref="PolicyChecks"/> is rejected with every problem logged, and the last good version of its policy
/// stays active. With an archive (the ledger, SPEC §8) every version activated is recorded there first, a version
/// number published with other content is rejected, the last good versions are restored at start, and a deleted file
/// leaves its last good version active (source <see cref="LedgerSource"/>); without one a deleted file withdraws its
/// policy (<c>default</c> falls back to the built-in one). Readers see one consistent snapshot; reloads swap it whole.
/// </summary>
public sealed partial class PolicyStore : IPolicyStore, IDisposable
{
    /// <summary>Source name of the built-in policy.</summary>
    public const string BuiltInSource = "built-in";

    /// <summary>Source name of a policy served from the archive: its file is gone or was rejected since.</summary>
    public const string LedgerSource = "ledger";

    /// <summary>Largest policy file read, bytes; a larger one is skipped with a warning.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private static readonly StoredPolicy BuiltIn = new(PolicyDefaults.BuiltIn, BuiltInSource);

    private readonly PolicyFolder? _folder;
    private readonly ILogger<PolicyStore> _logger;
    private readonly IPolicyArchive? _archive;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<FieldViolation>> _rejected = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linkRejected = new(StringComparer.Ordinal);
    private readonly FolderWatch? _watch;
    private volatile FrozenDictionary<string, StoredPolicy> _policies;
    private volatile FrozenDictionary<string, IReadOnlyList<FieldViolation>> _rejectedSnapshot =
        FrozenDictionary<string, IReadOnlyList<FieldViolation>>.Empty;
    private bool _folderMissingLogged;

    /// <summary>A store with only the built-in policy.</summary>
    public PolicyStore()
        : this(null, NullLogger<PolicyStore>.Instance)
    {
    }

    /// <summary>
    /// A store that loads <paramref name="folder"/> now and then watches it (no folder: only the built-in policy).
    /// A folder that does not exist is an error: a mistyped path must not silently serve only the built-in policy.
    /// With <paramref name="archive"/>, its last good versions are active before the folder is read.
    /// </summary>
    public PolicyStore(PolicyFolder? folder, ILogger<PolicyStore> logger, IPolicyArchive? archive = null)
    {
        _folder = folder;
        _logger = logger;
        _archive = archive;
        var initial = new Dictionary<string, StoredPolicy>(StringComparer.Ordinal) { [BuiltIn.Policy.Id] = BuiltIn };
        foreach (var kept in archive?.Kept() ?? [])
        {
            initial[kept.Policy.Id] = kept;
        }

        _policies = initial.ToFrozenDictionary(StringComparer.Ordinal);
        if (folder is null)
        {
            LogFromLedger();
            return;
        }

        if (!Directory.Exists(folder.Path))
        {
            throw new DirectoryNotFoundException($"The policies folder \"{folder.Path}\" does not exist.");
        }

        Reload();
        LogFromLedger();
        _watch = new FolderWatch(folder.Path, "*.json", includeSubdirectories: false, folder.Debounce, folder.Rescan, SafeReload, logger);
    }

    /// <summary>Policy files currently rejected (file name → every problem); a later good save clears the entry.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FieldViolation>> Rejected => _rejectedSnapshot;

    /// <inheritdoc/>
    public bool TryGet(string id, [MaybeNullWhen(false)] out StoredPolicy policy) => _policies.TryGetValue(id, out policy);

    /// <inheritdoc/>
    public IReadOnlyList<StoredPolicy> All() => [.. _policies.Values.OrderBy(p => p.Policy.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Looks at the folder now and applies what changed: new and edited files that pass every check replace their
    /// policy, rejected ones are logged, deleted ones are withdrawn. File events and the rescan call this; so may tests.
    /// </summary>
    public void Reload()
    {
        if (_folder is null)
        {
            return;
        }

        lock (_gate)
        {
            // A change can make a file rejected for its links acceptable (its challenger arrived): look again, at most
            // a few times, since every pass that changes something only adds or replaces policies.
            for (var pass = 0; pass < 4 && ReloadOnce(); pass++)
            {
                foreach (var file in _linkRejected)
                {
                    _seen.Remove(file);
                }
            }

            _rejectedSnapshot = _rejected.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _watch?.Dispose();

    /// <summary>Says, at start, which policies are served from the archive because their file is missing or rejected.</summary>
    private void LogFromLedger()
    {
        foreach (var kept in _policies.Values.Where(p => p.Source == LedgerSource))
        {
            LogServedFromLedger(_logger, kept.Policy.Id, kept.Policy.Version);
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
            LogReloadFailed(_logger, e, _folder!.Path);
        }
    }

    /// <summary>One pass over the folder; true when the active set changed.</summary>
    private bool ReloadOnce()
    {
        var path = _folder!.Path;
        if (!Directory.Exists(path))
        {
            // Keep serving what is loaded: a vanished folder is an operations problem, not an analyst's withdrawal.
            if (!_folderMissingLogged)
            {
                LogFolderMissing(_logger, path);
                _folderMissingLogged = true;
            }

            return false;
        }

        _folderMissingLogged = false;
        var files = Directory.EnumerateFiles(path, "*.json")
            .Select(f => Path.GetFileName(f))
            .Where(PolicyFolder.IsPolicyFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var current = _policies;
        var next = new Dictionary<string, StoredPolicy>(current, StringComparer.Ordinal);
        var changed = Withdraw(files, next);
        var candidates = new List<StoredPolicy>();
        foreach (var file in files)
        {
            if (Read(path, file) is not { } text)
            {
                continue;
            }

            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (_seen.TryGetValue(file, out var seen) && seen == hash)
            {
                continue;
            }

            _seen[file] = hash;
            var problems = new Problems();
            var policy = PolicyChecks.Parse(text, problems) is { } message ? PolicyChecks.Document(message, file, next, problems) : null;
            if (policy is null)
            {
                Reject(file, problems, linkOnly: false, next);
            }
            else
            {
                candidates.Add(new StoredPolicy(policy, file));
            }
        }

        var accepted = Publish(CheckLinks(candidates, current, next), current, next);
        foreach (var stored in accepted)
        {
            _rejected.Remove(stored.Source);
            _linkRejected.Remove(stored.Source);
            var before = current.GetValueOrDefault(stored.Policy.Id);
            if (before is null || before.Policy.Version != stored.Policy.Version || before.Source != stored.Source)
            {
                LogLoaded(_logger, stored.Policy.Id, stored.Policy.Version, stored.Source, before?.Policy.Version ?? 0);
                changed = true;
            }
        }

        _policies = next.ToFrozenDictionary(StringComparer.Ordinal);
        return changed;
    }

    /// <summary>
    /// Records each accepted candidate in the archive (none: all pass); one it refuses (a version reused) is rejected
    /// and its id goes back to its last good version; one the archive cannot record now is rejected until the next
    /// rescan reads its file again.
    /// </summary>
    private List<StoredPolicy> Publish(List<StoredPolicy> accepted, FrozenDictionary<string, StoredPolicy> current, Dictionary<string, StoredPolicy> next)
    {
        if (_archive is null)
        {
            return accepted;
        }

        var published = new List<StoredPolicy>();
        foreach (var candidate in accepted)
        {
            var problems = new Problems();
            try
            {
                if (_archive.Publish(candidate) is { } refusal)
                {
                    problems.Add("version", refusal);
                }
            }
            catch (NegociacionOptimizer.Ledger.LedgerUnavailableException)
            {
                problems.Add(string.Empty, "the ledger could not record this version, so it is not active; the file is read again at the next rescan");
                _seen.Remove(candidate.Source);
            }

            if (problems.IsEmpty)
            {
                published.Add(candidate);
                continue;
            }

            if (current.TryGetValue(candidate.Policy.Id, out var previous))
            {
                next[candidate.Policy.Id] = previous;
            }
            else
            {
                next.Remove(candidate.Policy.Id);
            }

            Reject(candidate.Source, problems, linkOnly: false, next);
        }

        return published;
    }

    /// <summary>
    /// Withdraws the policies whose file is gone (with an archive, their last good version stays active, from the
    /// archive); true when any was.
    /// </summary>
    private bool Withdraw(List<string> files, Dictionary<string, StoredPolicy> next)
    {
        var changed = false;
        foreach (var gone in next.Values.Where(p => p.Source is not BuiltInSource and not LedgerSource && !files.Contains(p.Source)).ToList())
        {
            if (_archive is not null)
            {
                next[gone.Policy.Id] = gone with { Source = LedgerSource };
                LogKeptFromLedger(_logger, gone.Policy.Id, gone.Policy.Version, gone.Source);
                changed = true;
                continue;
            }

            next.Remove(gone.Policy.Id);
            if (gone.Policy.Id == PolicyDefaults.DefaultPolicyId)
            {
                next[BuiltIn.Policy.Id] = BuiltIn;
            }

            LogWithdrawn(_logger, gone.Policy.Id, gone.Policy.Version, gone.Source);
            changed = true;
        }

        foreach (var file in _seen.Keys.Where(f => !files.Contains(f)).ToList())
        {
            _seen.Remove(file);
            _rejected.Remove(file);
            _linkRejected.Remove(file);
        }

        return changed;
    }

    /// <summary>
    /// Puts the candidates into <paramref name="next"/> and rejects, until none is left to reject, those whose
    /// champion/challenger links fail in the resulting set (a rejected one gives its id back to its last good version).
    /// </summary>
    private List<StoredPolicy> CheckLinks(
        List<StoredPolicy> candidates, FrozenDictionary<string, StoredPolicy> current, Dictionary<string, StoredPolicy> next)
    {
        foreach (var candidate in candidates)
        {
            next[candidate.Policy.Id] = candidate;
        }

        var accepted = new List<StoredPolicy>(candidates);
        var changing = candidates.Select(c => c.Policy.Id).ToHashSet(StringComparer.Ordinal);
        bool rejectedAny;
        do
        {
            rejectedAny = false;
            foreach (var candidate in accepted.ToList())
            {
                var problems = new Problems();
                PolicyChecks.Links(candidate.Policy, next, problems, changing);
                if (problems.IsEmpty)
                {
                    continue;
                }

                accepted.Remove(candidate);
                if (current.TryGetValue(candidate.Policy.Id, out var previous))
                {
                    next[candidate.Policy.Id] = previous;
                }
                else
                {
                    next.Remove(candidate.Policy.Id);
                }

                Reject(candidate.Source, problems, linkOnly: true, next);
                rejectedAny = true;
            }
        }
        while (rejectedAny);

        return accepted;
    }

    private void Reject(string file, Problems problems, bool linkOnly, Dictionary<string, StoredPolicy> next)
    {
        _rejected[file] = problems.Items;
        if (linkOnly)
        {
            _linkRejected.Add(file);
        }
        else
        {
            _linkRejected.Remove(file);
        }

        var id = Path.GetFileNameWithoutExtension(file);
        var kept = next.TryGetValue(id, out var active)
            ? $"version {active.Policy.Version} from {active.Source} stays active"
            : "no version of it is active";
        var list = string.Join("; ", problems.Items.Select(p => $"{(p.Field.Length > 0 ? p.Field : "(document)")}: {p.Description}"));
        LogRejected(_logger, LogText.Escape(file, 255), problems.Items.Count, kept, LogText.Escape(list, int.MaxValue));
    }

    private string? Read(string folder, string file)
    {
        try
        {
            // A FIFO, socket or device has no length, and opening a FIFO waits for a writer (it would freeze every
            // reload): only regular files with a length up to the limit are opened.
            var length = new FileInfo(Path.Combine(folder, file)).Length;
            if (length is 0 or > MaxFileBytes)
            {
                LogSkipped(_logger, LogText.Escape(file, 255), length);
                return null;
            }

            using var stream = new FileStream(Path.Combine(folder, file), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Being written or replaced right now: the event that follows, or the next rescan, reads it again.
            LogUnreadable(_logger, LogText.Escape(file, 255), LogText.Escape(e.Message, 500));
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy {Id} version {Version} loaded from {File} (was version {Previous}; 0 = none)")]
    private static partial void LogLoaded(ILogger logger, string id, int version, string file, int previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy file {File} rejected with {Count} problem(s), {Kept}: {Problems}")]
    private static partial void LogRejected(ILogger logger, string file, int count, string kept, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Id} version {Version} withdrawn: {File} was deleted")]
    private static partial void LogWithdrawn(ILogger logger, string id, int version, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Id} version {Version}: {File} was deleted; its last good version stays active from the ledger")]
    private static partial void LogKeptFromLedger(ILogger logger, string id, int version, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Id} version {Version} is served from the ledger: its file is missing or was rejected")]
    private static partial void LogServedFromLedger(ILogger logger, string id, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Policy file {File} skipped: {Length} bytes (not a regular file with 1 byte to 1 MiB: a FIFO, socket, device or empty file)")]
    private static partial void LogSkipped(ILogger logger, string file, long length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy file {File} not readable ({Reason}); retried on the next change or rescan")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policies folder {Folder} is missing; the loaded policies stay active")]
    private static partial void LogFolderMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the policies folder {Folder} failed; the loaded policies stay active")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string folder);
}
