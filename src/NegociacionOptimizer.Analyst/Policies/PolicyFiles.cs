using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using NegociacionOptimizer.Domain.Policies;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Policies;

/// <summary>Reads policy files (protobuf JSON of negociacion.v1.Policy) and writes policy fragments.</summary>
internal static class PolicyFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Parses a policy file; unknown fields are an error, so a misspelt field never goes unnoticed.</summary>
    /// <exception cref="InvalidProtocolBufferException">The text is not a valid policy.</exception>
    public static Proto.Policy Parse(string json) => JsonParser.Default.Parse<Proto.Policy>(json);

    /// <summary>Reads a policy file from disk.</summary>
    public static Proto.Policy Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// <c>{"behaviour": {...}}</c> with every field explicit, hazards rounded to 6 decimals and multipliers to 4: the
    /// part of a policy file that replaces its behaviour model when pasted.
    /// </summary>
    public static string BehaviourFragment(BehaviourModel model)
    {
        var proto = PolicyProto.FromDomain(model);
        foreach (var bucket in proto.Hazard)
        {
            bucket.MonthlyHazard = Math.Round(bucket.MonthlyHazard, 6);
        }

        foreach (var multiplier in proto.ReasonMultipliers)
        {
            multiplier.Multiplier = Math.Round(multiplier.Multiplier, 4);
        }

        var behaviour = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true)).Format(proto);
        var fragment = new JsonObject { ["behaviour"] = JsonNode.Parse(behaviour) };
        return fragment.ToJsonString(Indented) + Environment.NewLine;
    }
}
