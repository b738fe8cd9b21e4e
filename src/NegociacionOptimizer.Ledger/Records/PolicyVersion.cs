namespace NegociacionOptimizer.Ledger.Records;

/// <summary>A named policy version as published.</summary>
/// <param name="PolicyId">The policy's id.</param>
/// <param name="Version">Its version number (never reused for other content).</param>
/// <param name="ContentHash">Hex SHA-256 of <paramref name="Document"/>.</param>
/// <param name="Document">The policy's normalized JSON (every field, defaults filled in).</param>
/// <param name="PublishedBy">Who published it (e.g. "policies folder: co-tarjetas.json").</param>
public sealed record PolicyVersion(string PolicyId, int Version, string ContentHash, string Document, string PublishedBy);
