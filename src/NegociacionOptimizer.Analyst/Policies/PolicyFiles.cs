using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Policies;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Policies;

/// <summary>
/// Reads policy files (protobuf JSON of negociacion.v1.Policy), checks them with the server's own
/// <see cref="PolicyValidator"/> and maps them with the Api's <see cref="ToDomain"/> / <see cref="PolicyToProto"/>.
/// </summary>
internal static class PolicyFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>Parses a policy file; unknown fields are an error, so a misspelt field never goes unnoticed.</summary>
    /// <exception cref="InvalidProtocolBufferException">The text is not a valid policy.</exception>
    public static Proto.Policy Parse(string json) => Parser.Parse<Proto.Policy>(json);

    /// <summary>Reads a policy file from disk.</summary>
    public static Proto.Policy Read(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// Every problem of a policy document, exactly as the server's ValidatePolicy reports them: a named document needs an
    /// id, a version and a currency; a fragment (<paramref name="fragment"/> true, e.g. only a behaviour model) may leave
    /// them out.
    /// </summary>
    public static IReadOnlyList<FieldViolation> Problems(Proto.Policy policy, bool fragment = false)
    {
        var problems = new Problems();
        PolicyValidator.Validate(problems, policy, string.Empty, inline: fragment);
        return problems.Items;
    }

    /// <summary>
    /// The domain policy of a file (unset fields take their defaults for the file's currency, or the built-in policy's).
    /// </summary>
    /// <exception cref="FormatException">The policy breaks a rule; the message lists every problem.</exception>
    public static Policy ToDomainPolicy(Proto.Policy policy, bool fragment = false)
    {
        var problems = Problems(policy, fragment);
        if (problems.Count > 0)
        {
            throw new FormatException("invalid policy: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Description}")));
        }

        return ToDomain.Policy(policy, PolicyDefaults.BuiltIn.Currency);
    }

    /// <summary>
    /// <c>{"behaviour": {...}}</c> with every field explicit, hazards rounded to 6 decimals and multipliers (m_g too)
    /// to 4: the part of a policy file that replaces its behaviour model when pasted.
    /// </summary>
    public static string BehaviourFragment(BehaviourModel model)
    {
        var proto = PolicyToProto.Map(Policy.Create(PolicyDefaults.BuiltIn.ToDraft() with { Behaviour = BehaviourDraft.Of(model) })).Behaviour;
        foreach (var bucket in proto.Hazard)
        {
            bucket.MonthlyHazard = Math.Round(bucket.MonthlyHazard, 6);
        }

        foreach (var multiplier in proto.ReasonMultipliers)
        {
            multiplier.Multiplier = Math.Round(multiplier.Multiplier, 4);
        }

        proto.GraceHazardMultiplier = Math.Round(proto.GraceHazardMultiplier, 4);

        var behaviour = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true)).Format(proto);
        var fragment = new JsonObject { ["behaviour"] = JsonNode.Parse(behaviour) };
        return fragment.ToJsonString(Indented) + Environment.NewLine;
    }
}
