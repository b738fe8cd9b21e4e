namespace NegociacionOptimizer.Optimization.Running;

/// <summary>Why <see cref="SolveRunner"/> gave no answer.</summary>
public enum SolveRefusal
{
    /// <summary>Not set.</summary>
    Unspecified,

    /// <summary>Every slot and queue place was taken: refused at once (retry after <see cref="SolveRunner.RetryAfter"/>).</summary>
    AtCapacity,

    /// <summary>The deadline left no time for a search, before or while waiting for a slot.</summary>
    NoTimeToSearch,

    /// <summary>The search had not answered shortly before the deadline (it was stopped).</summary>
    NotAnsweredInTime,

    /// <summary>The search stopped at its own time limit without an answer.</summary>
    StoppedWithoutAnswer,
}
