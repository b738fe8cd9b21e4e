namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// Offer signing keys: every key listed verifies, the active one signs. Rotation: add the new key, make it active,
/// and remove the old one once the offers it signed have expired.
/// </summary>
public sealed class OfferSigningOptions
{
    /// <summary>Key id → secret (base64, at least 32 bytes). Ids are 1..32 of [A-Za-z0-9._-].</summary>
    public IDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Id of the key that signs new offers; required when <see cref="Keys"/> has more than one.</summary>
    public string? ActiveKeyId { get; init; }
}
