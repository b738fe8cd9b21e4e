using System.Runtime.InteropServices;
using NegociacionOptimizer.Optimization.Running;

namespace NegociacionOptimizer.Optimization.Tests.Running;

public class NativeHeapTests
{
    // glibc marks a block served by a mapping of its own in the size word before it.
    private const long IsMappedBit = 0x2;

    private static bool Glibc =>
        OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

    [Fact]
    public void On_glibc_the_arena_cap_is_taken_unless_the_environment_already_set_one()
    {
        var preset = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null;

        Assert.Equal(Glibc && !preset, NativeHeap.LimitArenas());
        NativeHeap.Trim();
    }

    [Fact]
    public void On_glibc_the_mapping_threshold_is_taken_unless_the_environment_already_set_one()
    {
        var preset = Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null;

        Assert.Equal(Glibc && !preset, NativeHeap.MapLargeBlocks());
    }

    [Fact]
    public void A_large_block_keeps_a_mapping_of_its_own_after_a_larger_one_was_freed()
    {
        _ = NativeHeap.MapLargeBlocks();
        // Left to itself, glibc would raise its threshold to this freed 30 MiB block and serve the next one from an arena,
        // which keeps the memory when it is freed. (An arena's free memory is used first whatever the threshold: 16 MiB is
        // more than the other tests' solves leave free in one piece.)
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(30 << 20));
        var block = Marshal.AllocHGlobal(16 << 20);
        try
        {
            Assert.True(!Glibc || (Marshal.ReadInt64(block, -sizeof(long)) & IsMappedBit) != 0);
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
