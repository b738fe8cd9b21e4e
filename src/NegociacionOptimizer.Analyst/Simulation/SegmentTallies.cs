namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// The breakdown by segment: one <see cref="PolicyTally"/> per segment and policy, so each segment gets the same figures as
/// the whole portfolio. Memory is bounded by the number of segments (a few dozen), not by the portfolio's size.
/// </summary>
/// <param name="policies">The policies' labels, by index.</param>
internal sealed class SegmentTallies(IReadOnlyList<string> policies)
{
    private readonly Dictionary<SegmentKey, PolicyTally[]> _tallies = [];

    /// <summary>Counts <paramref name="result"/> in its account's segment of every dimension.</summary>
    public void Add(AccountResult result)
    {
        foreach (var key in SegmentKey.Of(result.Item.Input))
        {
            if (!_tallies.TryGetValue(key, out var tallies))
            {
                tallies = [.. policies.Select(label => new PolicyTally(label))];
                _tallies.Add(key, tallies);
            }

            tallies[result.Item.PolicyIndex].Add(result);
        }
    }

    /// <summary>The segments of <paramref name="dimension"/> that hold accounts, in order, each with one tally per policy.</summary>
    public IReadOnlyList<(SegmentKey Key, IReadOnlyList<PolicyTally> Tallies)> Rows(SegmentDimension dimension) =>
    [
        .. _tallies
            .Where(kv => kv.Key.Dimension == dimension)
            .OrderBy(kv => kv.Key.Order)
            .Select(kv => (kv.Key, (IReadOnlyList<PolicyTally>)kv.Value)),
    ];
}
