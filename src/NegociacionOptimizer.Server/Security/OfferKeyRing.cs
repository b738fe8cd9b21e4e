using System.Security.Cryptography;

namespace NegociacionOptimizer.Server.Security;

/// <summary>The offer signing keys: every one verifies, the active one signs.</summary>
public sealed class OfferKeyRing
{
    /// <summary>File of the embedded default's key in the data folder: one line, "key-id base64-secret".</summary>
    public const string KeyFile = "offer-signing.key";

    private readonly Dictionary<string, byte[]> _keys;

    /// <summary>A ring of <paramref name="keys"/> signing with <paramref name="activeKeyId"/>.</summary>
    public OfferKeyRing(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        ActiveKeyId = _keys.ContainsKey(activeKeyId) ? activeKeyId : throw new ArgumentException("The active key is not in the ring.", nameof(activeKeyId));
    }

    /// <summary>Id of the key that signs.</summary>
    public string ActiveKeyId { get; }

    /// <summary>The configured keys, else the data folder's (created on first start).</summary>
    public static OfferKeyRing From(OfferSigningOptions signing, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(signing);
        if (signing.Keys.Count == 0)
        {
            var line = SecretFiles.ReadOrCreate(dataFolder, KeyFile,
                () => $"local-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))} {SecretFiles.NewSecret()}");
            var parts = line.Split(' ', 2);
            var path = Path.Combine(dataFolder, KeyFile);
            return new OfferKeyRing(new Dictionary<string, byte[]> { [Id(path, parts[0])] = SecretFiles.Decode(path, parts.Length == 2 ? parts[1] : string.Empty) }, parts[0]);
        }

        var keys = signing.Keys.ToDictionary(
            k => Id("Security:OfferSigning:Keys", k.Key), k => SecretFiles.Decode($"Security:OfferSigning:Keys:{k.Key}", k.Value), StringComparer.Ordinal);
        var active = signing.ActiveKeyId ?? (keys.Count == 1
            ? keys.Keys.Single()
            : throw new Hosting.StartupRefusedException("Security:OfferSigning:ActiveKeyId is required when more than one key is configured."));
        return keys.ContainsKey(active)
            ? new OfferKeyRing(keys, active)
            : throw new Hosting.StartupRefusedException("Security:OfferSigning:ActiveKeyId must name one of Security:OfferSigning:Keys.");
    }

    /// <summary>The key with <paramref name="keyId"/>, or null.</summary>
    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>The signing key.</summary>
    public byte[] Active => _keys[ActiveKeyId];

    private static string Id(string setting, string id) => SecurityStartup.NamePattern().IsMatch(id)
        ? id
        : throw new Hosting.StartupRefusedException($"{setting}: key ids must be 1..64 of [A-Za-z0-9._-].");
}
