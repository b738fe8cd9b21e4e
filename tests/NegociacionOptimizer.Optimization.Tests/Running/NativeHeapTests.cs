using System.Runtime.InteropServices;
using NegociacionOptimizer.Optimization.Running;

namespace NegociacionOptimizer.Optimization.Tests.Running;

public class NativeHeapTests
{
    [Fact]
    public void On_glibc_the_arena_cap_is_taken_unless_the_environment_already_set_one()
    {
        var preset = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null;
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

        Assert.Equal(glibc && !preset, NativeHeap.LimitArenas());
        NativeHeap.Trim();
    }
}
