using System.Security.Cryptography;
using System.Text;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The account reference written in logs: the first 12 hex digits of HMAC-SHA256(server secret, account id). Stable
/// for one deployment (one secret), useless elsewhere: without the secret a list of ids cannot be matched to refs.
/// </summary>
public sealed class AccountRefs
{
    /// <summary>File of the embedded default's secret in the data folder.</summary>
    public const string SecretFile = "account-ref.key";

    private readonly byte[] _key;

    /// <summary>References keyed with <paramref name="key"/> (at least 32 bytes).</summary>
    public AccountRefs(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = [.. key];
    }

    /// <summary>The configured secret, else the data folder's (created on first start).</summary>
    public static AccountRefs From(SecurityOptions security, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(security);
        var secret = security.AccountRefSecret ?? SecretFiles.ReadOrCreate(dataFolder, SecretFile, SecretFiles.NewSecret);
        return new AccountRefs(SecretFiles.Decode(
            security.AccountRefSecret is null ? Path.Combine(dataFolder, SecretFile) : "Security:AccountRefSecret", secret));
    }

    /// <summary>The reference of <paramref name="accountId"/> (empty for an empty id).</summary>
    public string Of(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return accountId.Length == 0
            ? string.Empty
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(accountId)))[..12];
    }
}
