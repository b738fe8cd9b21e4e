using System.Globalization;
using System.Text;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Caller-supplied text made safe for one log line: control characters (CR, LF, tabs, escape sequences…) become
/// <c>\uXXXX</c>, so no caller can forge or break a line, and the text is cut to a length.
/// </summary>
public static class LogText
{
    /// <summary><paramref name="text"/>, at most <paramref name="max"/> characters, with control characters escaped.</summary>
    public static string Escape(string text, int max = 64)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.Length > max ? text[..max] : text;
        if (!cut.Any(char.IsControl))
        {
            return cut;
        }

        var escaped = new StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            escaped.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return escaped.ToString();
    }
}
