namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// Client-side round-robin: each call to <see cref="Next"/> returns the next target in turn, the way a load balancer
/// spreads requests over the instances of a scaled-out service. Not thread-safe: one dispatcher uses it.
/// </summary>
/// <typeparam name="T">The target type (an address, or a queue per address).</typeparam>
internal sealed class RoundRobin<T>
{
    private readonly IReadOnlyList<T> _targets;
    private int _next;

    public RoundRobin(IReadOnlyList<T> targets)
    {
        ArgumentOutOfRangeException.ThrowIfZero(targets.Count);
        _targets = targets;
    }

    public T Next()
    {
        var target = _targets[_next];
        _next = (_next + 1) % _targets.Count;
        return target;
    }
}
