namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>What <c>simulate</c> was asked to do.</summary>
/// <param name="Policy">The policy file.</param>
/// <param name="Challenger">The challenger policy file, to compare; optional.</param>
/// <param name="Portfolio">Portfolio CSV; or <paramref name="Synthetic"/>.</param>
/// <param name="Synthetic">Accounts of a seeded synthetic portfolio, when no CSV is given.</param>
/// <param name="Seed">Seed of the synthetic portfolio.</param>
/// <param name="Currency">Currency of the synthetic portfolio.</param>
/// <param name="AsOf">Valuation date of the synthetic portfolio (required with it; a portfolio CSV carries its own).</param>
/// <param name="Servers">Server addresses or one dns:/// name; none = in process.</param>
/// <param name="CallsPerServer">Concurrent calls per server.</param>
/// <param name="Parallelism">Concurrent solves in process.</param>
/// <param name="TimeLimitMs">Per-account solve time limit overriding the policies'; optional.</param>
/// <param name="Offers">Offers per account overriding the policies' offer_count (1..10); optional.</param>
/// <param name="Limit">At most this many accounts; optional.</param>
/// <param name="MaxSeconds">Start no new account after this many seconds; optional.</param>
/// <param name="Out">Per-account results CSV; optional.</param>
/// <param name="Charts">Folder for the PNG charts; optional.</param>
/// <param name="Report">The self-contained HTML report; optional.</param>
/// <param name="FrontierAccount">Account of the frontier chart; default the first with an offer.</param>
/// <param name="Resume">Keep the rows of <paramref name="Out"/> that match the portfolio and solve only the rest.</param>
internal sealed record SimulateSettings(
    string Policy,
    string? Challenger,
    string? Portfolio,
    int? Synthetic,
    int Seed,
    string Currency,
    DateOnly? AsOf,
    IReadOnlyList<string> Servers,
    int CallsPerServer,
    int Parallelism,
    int? TimeLimitMs,
    int? Offers,
    int? Limit,
    double? MaxSeconds,
    string? Out,
    string? Charts,
    string? Report,
    string? FrontierAccount,
    bool Resume = false);
