using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// The deterministic champion/challenger split: an account goes to the challenger when the first 8 bytes of
/// SHA-256(UTF-8 of account id + champion id), read big-endian, mod 10,000 fall below the challenger's share in bp.
/// Salting with the champion id keeps the splits of different policies independent.
/// </summary>
public static class ChallengerSplit
{
    /// <summary>Number of buckets: one per basis point.</summary>
    public const int Buckets = BasisPoints.Whole;

    /// <summary>The account's bucket under <paramref name="championId"/>, 0..9999.</summary>
    public static int Bucket(string accountId, string championId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(championId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(accountId + championId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Buckets);
    }

    /// <summary>True when the account goes to the challenger that receives <paramref name="share"/> of accounts.</summary>
    public static bool IsChallenger(string accountId, string championId, BasisPoints share) =>
        share.Value > 0 && Bucket(accountId, championId) < share.Value;
}
