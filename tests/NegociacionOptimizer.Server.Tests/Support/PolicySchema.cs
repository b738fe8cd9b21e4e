using System.Text.Json;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary><c>policies/policy.schema.json</c>, parsed once.</summary>
public static class PolicySchema
{
    /// <summary>The schema's root object.</summary>
    public static JsonElement Root { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Requests.RepositoryRoot, "policies", "policy.schema.json"))).RootElement;
}
