using System.Globalization;
using System.Text.Json;
using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Server.Calendars;

/// <summary>
/// The operator's calendar overrides file, <c>calendars/overrides.json</c> in the policies folder:
/// <code>
/// { "overrides": [ { "country": "AR", "date": "2026-07-10", "action": "add",
///                    "name": "Día no laborable con fines turísticos", "source": "Resolución 164/2025" } ] }
/// </code>
/// Every field is required; <c>action</c> is <c>add</c> or <c>remove</c>; unknown fields are errors (a typo must not
/// silently drop a holiday). <see cref="CalendarSet.Create"/> then checks the overrides against the rules.
/// </summary>
public static class CalendarOverridesFile
{
    /// <summary>The file's path relative to the policies folder.</summary>
    public static readonly string RelativePath = Path.Combine("calendars", "overrides.json");

    private static readonly string[] Fields = ["country", "date", "action", "name", "source"];

    /// <summary>The calendars with the overrides of <paramref name="json"/>, or null with every problem found.</summary>
    public static CalendarSet? Load(string json, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var overrides = Parse(json, found);
        if (overrides is null || found.Count > 0)
        {
            problems = found;
            return null;
        }

        return CalendarSet.Create(overrides, out problems);
    }

    private static List<CalendarOverride>? Parse(string json, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add($"(document): is not valid JSON: {e.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("(document): must be an object with an \"overrides\" array");
                return null;
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name != "overrides"))
            {
                problems.Add($"{property.Name}: unknown field");
            }

            if (!root.TryGetProperty("overrides", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("overrides: is required and must be an array");
                return null;
            }

            var overrides = new List<CalendarOverride>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (Item(item, string.Create(CultureInfo.InvariantCulture, $"overrides[{index++}]"), problems) is { } parsed)
                {
                    overrides.Add(parsed);
                }
            }

            return overrides;
        }
    }

    private static CalendarOverride? Item(JsonElement item, string at, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: must be an object");
            return null;
        }

        var before = problems.Count;
        foreach (var property in item.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            problems.Add($"{at}.{property.Name}: unknown field (expected {string.Join(", ", Fields)})");
        }

        var country = Text(item, "country", at, problems);
        var dateText = Text(item, "date", at, problems);
        var actionText = Text(item, "action", at, problems);
        var name = Text(item, "name", at, problems);
        var source = Text(item, "source", at, problems);
        DateOnly date = default;
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problems.Add($"{at}.date: must be a date YYYY-MM-DD; got \"{dateText}\"");
        }

        CalendarOverrideAction action = default;
        if (actionText is not null)
        {
            switch (actionText)
            {
                case "add":
                    action = CalendarOverrideAction.Add;
                    break;
                case "remove":
                    action = CalendarOverrideAction.Remove;
                    break;
                default:
                    problems.Add($"{at}.action: must be \"add\" or \"remove\"; got \"{actionText}\"");
                    break;
            }
        }

        return problems.Count == before ? new CalendarOverride(country!, date, action, name!, source!) : null;
    }

    private static string? Text(JsonElement item, string field, string at, List<string> problems)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            problems.Add($"{at}.{field}: is required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{at}.{field}: must be a string");
            return null;
        }

        return value.GetString();
    }
}
