using System.Collections.Concurrent;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// Structure profiles shared by every negotiation of the process, keyed by <see cref="ProfileBasis"/> and structure, so
/// requests of the same day, policy values, pay day, reason and calendar build each profile once. Bounded by an
/// estimate of the bytes it holds: two generations of at most half the budget each; a profile is added to the newer
/// one (promoted from the older one when found there), and when the newer one is full the older one is dropped and a
/// new one started, so a key in use keeps its profile and memory stays flat whatever the traffic. Thread-safe; two
/// callers that miss the same key at once may both build its profile (the same values), and one of them is kept.
/// </summary>
public sealed class StructureProfileCache
{
    /// <summary>
    /// 32 MiB: the largest shipped policy's weekly earner needs 810 profiles (≈ 3.9 MB) per negotiation, so the newer
    /// half holds four such sets whole and dozens of monthly or shorter ones, about a tenth of the server's 300 MB
    /// target (docs/PERFORMANCE.md, "Shared structure profiles").
    /// </summary>
    public const long DefaultBudgetBytes = 32L << 20;

    private readonly long _generationBytes;
    private readonly Lock _rotation = new();
    private volatile Generations _generations = new(new Generation(), new Generation());

    /// <summary>A cache that holds about <paramref name="budgetBytes"/> of profiles at most.</summary>
    public StructureProfileCache(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 2);
        BudgetBytes = budgetBytes;
        _generationBytes = budgetBytes / 2;
    }

    /// <summary>The process's cache, <see cref="DefaultBudgetBytes"/>.</summary>
    public static StructureProfileCache Shared { get; } = new(DefaultBudgetBytes);

    /// <summary>The bound on <see cref="RetainedBytes"/>, exceeded only by profiles being added at the same moment.</summary>
    public long BudgetBytes { get; }

    /// <summary>Estimated bytes of the profiles held (a profile in both generations counts twice).</summary>
    public long RetainedBytes
    {
        get
        {
            var generations = _generations;
            return generations.Newer.Bytes + generations.Older.Bytes;
        }
    }

    /// <summary>The profile of <paramref name="structure"/> in <paramref name="context"/>, built on a miss.</summary>
    public StructureProfile Profile(NegotiationContext context, PlanStructure structure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = new Key(context.ProfileBasis, structure);
        var generations = _generations;
        if (generations.Newer.TryGet(key, out var profile))
        {
            return profile;
        }

        if (!generations.Older.TryGet(key, out profile))
        {
            profile = new StructureProfile(context, structure);
        }

        if (generations.Newer.Bytes > 0 && generations.Newer.Bytes + profile.ApproximateBytes > _generationBytes)
        {
            generations = Rotate(generations);
        }

        return generations.Newer.Add(key, profile);
    }

    private Generations Rotate(Generations full)
    {
        lock (_rotation)
        {
            if (ReferenceEquals(_generations, full))
            {
                _generations = new Generations(new Generation(), full.Newer);
            }

            return _generations;
        }
    }

    private readonly record struct Key(ProfileBasis Basis, PlanStructure Structure);

    private sealed record Generations(Generation Newer, Generation Older);

    private sealed class Generation
    {
        private readonly ConcurrentDictionary<Key, StructureProfile> _profiles = new();
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public bool TryGet(Key key, out StructureProfile profile) => _profiles.TryGetValue(key, out profile!);

        /// <summary>Adds <paramref name="profile"/>, or returns the one another caller added first (never removed).</summary>
        public StructureProfile Add(Key key, StructureProfile profile)
        {
            if (_profiles.TryAdd(key, profile))
            {
                Interlocked.Add(ref _bytes, profile.ApproximateBytes);
                return profile;
            }

            return _profiles[key];
        }
    }
}
