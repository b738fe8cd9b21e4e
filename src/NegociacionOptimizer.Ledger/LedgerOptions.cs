using System.ComponentModel.DataAnnotations;

namespace NegociacionOptimizer.Ledger;

/// <summary>
/// The ledger's settings, one table of defaults and ranges (checked at start with <see cref="Validate"/>).
/// </summary>
public sealed record LedgerOptions
{
    /// <summary>Configuration section (and command-line prefix) of these options.</summary>
    public const string Section = "Ledger";

    /// <summary>
    /// A PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>) or a SQLite file; null = <c>ledger.db</c>
    /// in the server's data folder.
    /// </summary>
    public string? Connection { get; init; }

    /// <summary>
    /// Days an offer set nobody accepted is kept (default 365, 1..3650); older ones are pruned at start and daily.
    /// Accepted plans, their offer sets and policy versions are kept.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; init; } = 365;

    /// <summary>Most writes committed in one transaction when calls arrive together (default 64, 1..1000).</summary>
    [Range(1, 1000)]
    public int MaxBatch { get; init; } = 64;

    /// <summary>Every setting outside its range, as "Ledger:Name must be …" lines; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return [.. results.Select(r => $"{Section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")];
    }
}
