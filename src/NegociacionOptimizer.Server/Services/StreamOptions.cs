namespace NegociacionOptimizer.Server.Services;

/// <summary>How StreamOffers runs items.</summary>
/// <param name="Parallelism">Items computed or waiting to be sent at once per stream, ≥ 1.</param>
public sealed record StreamOptions(int Parallelism);
