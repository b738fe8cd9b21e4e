namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The caller roles of SPEC §7 and the authorization policies built on them: each role has every right of the ones
/// before it (agent ⊂ analyst ⊂ admin).
/// </summary>
public static class Roles
{
    /// <summary>Agents' tools and client apps: offers and proposals against named policies, tightened at most.</summary>
    public const string Agent = "agent";

    /// <summary>Analysts: an agent's rights, inline policies and the policy service.</summary>
    public const string Analyst = "analyst";

    /// <summary>Administrators: an analyst's rights plus publishing and retiring policies.</summary>
    public const string Admin = "admin";

    /// <summary>Authorization policy: any role (agent or above).</summary>
    public const string AgentPolicy = "role:agent";

    /// <summary>Authorization policy: analyst or admin.</summary>
    public const string AnalystPolicy = "role:analyst";

    /// <summary>Every role, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Agent, Analyst, Admin];

    /// <summary>The roles that hold <paramref name="role"/>'s rights: itself and every role above it.</summary>
    public static string[] AtLeast(string role) => [.. All.Skip(All.ToList().IndexOf(role))];
}
