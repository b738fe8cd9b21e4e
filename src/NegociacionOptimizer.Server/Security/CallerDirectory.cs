using System.Security.Cryptography;
using System.Text;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The configured credentials: API keys by the SHA-256 of the key, client certificates by the SHA-256 of their DER
/// bytes. Lookups compare against every entry in constant time, so timing does not tell how close a guess was.
/// </summary>
public sealed class CallerDirectory
{
    private readonly (byte[] Hash, Caller Caller)[] _keys;
    private readonly (byte[] Hash, Caller Caller)[] _certificates;

    /// <summary>The directory of <paramref name="security"/>'s validated entries.</summary>
    public CallerDirectory(SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        _keys = [.. security.ApiKeys.Select(k => (Hex(k.Sha256), new Caller(k.Name, k.Role)))];
        _certificates = [.. security.ClientCertificates.Select(c => (Hex(c.Sha256Thumbprint), new Caller(c.Name, c.Role)))];
    }

    /// <summary>The holder of <paramref name="apiKey"/>, or null.</summary>
    public Caller? ByApiKey(string apiKey) => Find(_keys, SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>The holder of the certificate whose DER bytes are <paramref name="rawData"/>, or null.</summary>
    public Caller? ByCertificate(byte[] rawData) => Find(_certificates, SHA256.HashData(rawData));

    /// <summary>The 32 bytes of a hex SHA-256 (colons and spaces ignored), or null when it is not one.</summary>
    public static byte[]? TryHex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Hex(string text) => TryHex(text) ?? throw new ArgumentException("Not a hex SHA-256.", nameof(text));

    private static Caller? Find((byte[] Hash, Caller Caller)[] entries, byte[] hash)
    {
        Caller? found = null;
        foreach (var (entryHash, caller) in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(entryHash, hash))
            {
                found = caller;
            }
        }

        return found;
    }
}
