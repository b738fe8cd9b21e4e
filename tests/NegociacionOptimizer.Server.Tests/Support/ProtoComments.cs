using System.Text.RegularExpressions;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>The documentation comments of the v1 protos' fields, looked up by message and field name.</summary>
public static class ProtoComments
{
    private static readonly string[] Lines =
    [
        .. Directory.GetFiles(Path.Combine(Requests.RepositoryRoot, "protos", "negociacion", "v1"), "*.proto")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines),
    ];

    /// <summary>The comment lines right above the declaration of <paramref name="field"/> in <paramref name="message"/>, joined into one text.</summary>
    public static string Of(string message, string field)
    {
        var start = Array.FindIndex(Lines, l => l.StartsWith($"message {message} {{", StringComparison.Ordinal));
        Assert.True(start >= 0, $"message {message} is not declared in the protos");
        var end = Array.FindIndex(Lines, start, l => l.StartsWith('}'));
        var declaration = Array.FindIndex(Lines, start, end - start, l => Regex.IsMatch(l, $@"\s{Regex.Escape(field)} = \d+;"));
        Assert.True(declaration > 0, $"{message}.{field} is not declared in the protos");
        var comment = new List<string>();
        for (var i = declaration - 1; i > start && Lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal); i--)
        {
            comment.Insert(0, Lines[i].TrimStart()[2..].Trim());
        }

        return string.Join(' ', comment);
    }
}
