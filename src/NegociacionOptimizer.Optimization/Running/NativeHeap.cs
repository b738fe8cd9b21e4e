using System.Runtime.InteropServices;

namespace NegociacionOptimizer.Optimization.Running;

/// <summary>
/// Keeps the C heap small. CP-SAT allocates its models natively on each search's own thread, and glibc gives busy threads
/// arenas of their own (up to eight per core), each keeping its freed memory: with mixed requests the peak resident
/// memory was 434–481 MiB. Three things bring it down (docs/PERFORMANCE.md, "Server memory"): the arenas capped at one per
/// core (<see cref="LimitArenas"/>); blocks of <see cref="MmapThreshold"/> or more served by mappings of their own, which
/// go back to the system when freed (<see cref="MapLargeBlocks"/>); and free memory given back twice a second
/// (<see cref="Trim"/>). The server and the analyst's in-process runs both keep it small (<see cref="KeepSmall"/>). Does
/// nothing where glibc is not the C library, and leaves alone what the environment already set (MALLOC_ARENA_MAX,
/// MALLOC_MMAP_THRESHOLD_).
/// </summary>
public static class NativeHeap
{
    private const int ArenaMaxOption = -8;
    private const int MmapThresholdOption = -3;

    /// <summary>How often <see cref="KeepSmall"/> runs <see cref="Trim"/>.</summary>
    public static readonly TimeSpan TrimPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Size from which <see cref="MapLargeBlocks"/> has a block that no free piece of an arena fits served by a mapping of
    /// its own. glibc starts at 128 KiB but raises it to the largest such block freed (up to 32 MiB), after which CP-SAT's
    /// model buffers stay in the arenas and their memory with them: 64 KiB and fixed took the arenas' share of the mixed
    /// load's peak from about 50 to about 15 MiB.
    /// </summary>
    public const int MmapThreshold = 64 * 1024;

    /// <summary>
    /// Caps the arenas (<see cref="LimitArenas"/>), maps large blocks (<see cref="MapLargeBlocks"/>) and gives free memory
    /// back every <see cref="TrimPeriod"/> until the returned timer is disposed; call first thing, before any search starts.
    /// </summary>
    public static IDisposable KeepSmall()
    {
        _ = LimitArenas();
        _ = MapLargeBlocks();
        return new Timer(_ => Trim(), null, TrimPeriod, TrimPeriod);
    }

    /// <summary>
    /// Sets the arena cap to one per core unless MALLOC_ARENA_MAX already set one; call first thing, before the searches
    /// start. True when the C library took the cap.
    /// </summary>
    public static bool LimitArenas() => Set("MALLOC_ARENA_MAX", ArenaMaxOption, Environment.ProcessorCount);

    /// <summary>
    /// Fixes the size from which a block gets a mapping of its own at <see cref="MmapThreshold"/> unless
    /// MALLOC_MMAP_THRESHOLD_ already set one. True when the C library took it.
    /// </summary>
    public static bool MapLargeBlocks() => Set("MALLOC_MMAP_THRESHOLD_", MmapThresholdOption, MmapThreshold);

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

    private static bool Set(string variable, int option, int value)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(variable) is not null)
        {
            return false;
        }

        try
        {
            return MallOpt(option, value) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has neither arenas nor these options).
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int option, int value);
}
