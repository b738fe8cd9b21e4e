using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>How to fit the behaviour model.</summary>
public sealed record BehaviourFitOptions
{
    /// <summary>Lower bounds of the burden buckets, bp of disposable income: strictly ascending, the first 0.
    /// Default: the built-in model's 0, 10, 20, 30, 40, 50 %.</summary>
    public IReadOnlyList<int> BucketFromBp { get; init; } = [.. BehaviourModel.Default.Buckets.Select(b => b.BurdenFromBp)];

    /// <summary>Model whose base hazard a bucket without any plan, or without any break, keeps. Default: SPEC §4's.</summary>
    public BehaviourModel Fallback { get; init; } = BehaviourModel.Default;

    /// <summary>Two-sided confidence level of the intervals, in (0, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Why the options cannot be used, or null.</summary>
    public string? Problem()
    {
        if (BucketFromBp.Count == 0 || BucketFromBp[0] != 0)
        {
            return "bucket bounds must start at 0";
        }

        for (var i = 1; i < BucketFromBp.Count; i++)
        {
            if (BucketFromBp[i] <= BucketFromBp[i - 1])
            {
                return $"bucket bounds must be strictly ascending: {string.Join(", ", BucketFromBp)}";
            }
        }

        return ConfidenceLevel is > 0 and < 1 ? null : $"confidence level must be in (0, 1), got {ConfidenceLevel}";
    }
}
