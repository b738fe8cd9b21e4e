using System.Security.Claims;

namespace NegociacionOptimizer.Server.Security;

/// <summary>An authenticated caller: a configured name and one role.</summary>
/// <param name="Name">The key's or certificate's configured name ("local-admin" for the embedded default).</param>
/// <param name="Role">agent, analyst or admin.</param>
public sealed record Caller(string Name, string Role)
{
    /// <summary>The embedded default's only caller: every local call when no credential is configured.</summary>
    public static Caller LocalAdmin { get; } = new("local-admin", Roles.Admin);

    /// <summary>The caller as a principal authenticated by <paramref name="scheme"/>.</summary>
    public ClaimsPrincipal ToPrincipal(string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Role, Role)], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether <paramref name="user"/> holds at least the rights of <paramref name="role"/>.</summary>
    public static bool HasRights(ClaimsPrincipal user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Roles.AtLeast(role).Any(user.IsInRole);
    }
}
