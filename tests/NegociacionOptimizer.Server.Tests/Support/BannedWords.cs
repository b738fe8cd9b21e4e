namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>Words that stigmatize the person or threaten (SPEC §1), in Spanish and English.</summary>
public static class BannedWords
{
    /// <summary>Matched case-insensitively anywhere in a text.</summary>
    public static readonly string[] All =
    [
        "moros", "deudor", "deudora", "deuda vencida", "incumpl", " mora", "mora ", "impago", "atrasad",
        "embargo", "juicio", "castigo", "default", "delinquen", "debtor", "overdue", "arrears", "past due", "failure to pay",
        "lawsuit", "legal action", "penalt",
    ];

    /// <summary>The banned words <paramref name="text"/> uses.</summary>
    public static IEnumerable<string> In(string text) => All.Where(b => text.Contains(b, StringComparison.OrdinalIgnoreCase));
}
