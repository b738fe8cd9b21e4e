using NegociacionOptimizer.Analyst.Simulation;

namespace NegociacionOptimizer.Analyst.Tests.Simulation;

public sealed class RoundRobinTests
{
    [Fact]
    public void Targets_are_taken_in_turn_and_the_turn_wraps_around()
    {
        var next = new RoundRobin<string>(["a", "b", "c"]);

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], Enumerable.Range(0, 7).Select(_ => next.Next()));
    }

    [Fact]
    public void An_empty_target_list_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundRobin<string>([]));
    }
}
