namespace NegociacionOptimizer.Optimization.Search;

/// <summary>A judge's verdict on a candidate of <see cref="SolveLoop"/>.</summary>
internal enum Next
{
    /// <summary>Cut the candidate off the model and solve again.</summary>
    Exclude,

    /// <summary>Solve again with the model as the judge left it (it already tightened it).</summary>
    Resolve,

    /// <summary>The search is over; the model keeps the candidate (a later search on the same model may still want it).</summary>
    Stop,
}
