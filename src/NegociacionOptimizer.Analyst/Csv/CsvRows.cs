using CsvHelper;

namespace NegociacionOptimizer.Analyst.Csv;

/// <summary>Row-by-row access to a CSV with a header, turning every bad cell into an error that names its line and column.</summary>
internal sealed class CsvRows
{
    /// <summary>Header row, # comments, line numbers tracked for error messages.</summary>
    public static readonly CsvReaderOptions Options = new() { CommentPrefix = '#', TrackLineNumbers = true, TrimWhitespace = true };

    private readonly CsvReader csv;

    /// <exception cref="FormatException">The header lacks a required column.</exception>
    public CsvRows(CsvReader csv, IReadOnlyList<string> required)
    {
        this.csv = csv;
        var missing = required.Except(csv.Headers, StringComparer.Ordinal).ToList();
        if (csv.Headers.Count == 0 || missing.Count > 0)
        {
            throw new FormatException($"missing column(s) in the header row: {string.Join(", ", missing)}");
        }
    }

    public bool Next() => csv.Read();

    public T Get<T>(string column, Func<string, T> parse)
    {
        var text = csv.GetString(column);
        if (text.Length == 0)
        {
            throw Error(column, "a value is required");
        }

        return Parse(column, text, parse);
    }

    public T? Optional<T>(string column, Func<string, T> parse)
        where T : struct
    {
        var text = csv.GetString(column);
        return text.Length == 0 ? null : Parse(column, text, parse);
    }

    private T Parse<T>(string column, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw Error(column, $"'{text}': {e.Message}");
        }
    }

    private FormatException Error(string column, string message) => new($"line {csv.LineNumber}, column {column}: {message}");
}
