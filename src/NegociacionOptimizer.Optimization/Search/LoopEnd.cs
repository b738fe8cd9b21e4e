namespace NegociacionOptimizer.Optimization.Search;

/// <summary>How a <see cref="SolveLoop"/> ended.</summary>
internal enum LoopEnd
{
    /// <summary>The judge stopped it.</summary>
    Stopped,

    /// <summary>CP-SAT proved no plan is left in the model (or the caller said so): whatever was found is proven.</summary>
    Exhausted,

    /// <summary>The budget or the iteration cap ended it: whatever was found is not proven.</summary>
    Cut,
}
