using System.CommandLine;
using System.Globalization;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<int> Count(string description) => new("--count")
    {
        Description = description,
        Required = true,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000) { r.AddError("--count debe estar entre 1 y 10.000.000."); } } },
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Semilla: la misma semilla da el mismo archivo.",
        DefaultValueFactory = _ => 1,
    };

    public static Option<string> Out(string description, bool required) => new("--out")
    {
        Description = description,
        Required = required,
    };

    /// <summary>Parses an ISO date (YYYY-MM-DD).</summary>
    public static Option<DateOnly> AsOf() => new("--as-of")
    {
        Description = "Fecha de valuación (YYYY-MM-DD).",
        Required = true,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            r.AddError($"--as-of: '{text}' no es una fecha YYYY-MM-DD.");
            return default;
        },
    };
}
