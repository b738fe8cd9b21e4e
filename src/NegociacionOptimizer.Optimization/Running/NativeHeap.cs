using System.Runtime.InteropServices;

namespace NegociacionOptimizer.Optimization.Running;

/// <summary>
/// Keeps the C heap small. CP-SAT allocates its models natively on each search's own thread, and glibc gives busy threads
/// arenas of their own (up to eight per core), each keeping its freed memory: with mixed requests the peak resident
/// memory was 434–481 MiB. Capping the arenas at one per core (best set before the process starts, with
/// MALLOC_ARENA_MAX=2 as the container does: 302–322 MiB; from here, once the runtime's own threads hold theirs: 352–410
/// MiB) and giving free memory back twice a second bring it down (docs/PERFORMANCE.md). The server and the analyst's
/// in-process runs both keep it small (<see cref="KeepSmall"/>). Does nothing where glibc is not the C library.
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxOption = -8;

    /// <summary>How often <see cref="KeepSmall"/> runs <see cref="Trim"/>.</summary>
    public static readonly TimeSpan TrimPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Caps the arenas (<see cref="LimitArenas"/>) and gives free memory back every <see cref="TrimPeriod"/> until the
    /// returned timer is disposed; call first thing, before any search starts.
    /// </summary>
    public static IDisposable KeepSmall()
    {
        _ = LimitArenas();
        return new Timer(_ => Trim(), null, TrimPeriod, TrimPeriod);
    }

    /// <summary>
    /// Sets the arena cap unless MALLOC_ARENA_MAX already set one; call first thing, before the searches start. True when
    /// the C library took the cap.
    /// </summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMaxOption, Environment.ProcessorCount) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no arenas to cap).
            return false;
        }
    }

    /// <summary>Gives the C heap's free memory back to the system (glibc's malloc_trim).</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: nothing to give back this way.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int option, int value);
}
