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
    public void A_block_over_the_threshold_keeps_a_mapping_of_its_own_after_a_larger_one_was_freed()
    {
        _ = NativeHeap.MapLargeBlocks();
        // Left to itself, glibc would raise its threshold to this freed 8 MiB block and serve the next one from an arena,
        // which keeps the memory when it is freed.
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(8 << 20));
        var block = Marshal.AllocHGlobal(4 * NativeHeap.MmapThreshold);
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
