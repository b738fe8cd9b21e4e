using System.Globalization;
using CsvHelper;

namespace NegociacionOptimizer.Analyst.Tests.Simulation;

/// <summary>The rows of a results CSV as column → cell maps, and the cells of a printed summary-table row.</summary>
internal static class ResultsFile
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = File.OpenText(path);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions(), leaveOpen: false);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.Headers.ToDictionary(h => h, h => csv.GetString(h), StringComparer.Ordinal));
        }

        return rows;
    }

    public static long Long(string cell) => long.Parse(cell, CultureInfo.InvariantCulture);

    /// <summary>The value cells of the table row whose label starts with <paramref name="label"/>.</summary>
    public static string[] TableRow(string output, string label)
    {
        var line = output.Split('\n').First(l => l.TrimStart('│', ' ').StartsWith(label, StringComparison.Ordinal));
        return [.. line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)];
    }

    /// <summary>es-AR integer formatting, as the table prints counts and amounts.</summary>
    public static string Es(double value, int decimals = 0) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("es-AR"));
}
