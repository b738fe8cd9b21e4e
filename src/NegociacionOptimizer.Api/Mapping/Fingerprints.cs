using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>Stable digests: the request fingerprint the engine derives offer ids from, and offer ids.</summary>
public static class Fingerprints
{
    /// <summary>
    /// Hex SHA-256 of the request's protobuf bytes with <c>request_id</c> cleared (so a retry with a new correlation id
    /// gets the same offers), followed by the policy id and version.
    /// </summary>
    public static string Of<T>(T request, string policyId, int policyVersion)
        where T : IMessage<T>
    {
        var copy = request.Clone();
        var field = copy.Descriptor.FindFieldByName("request_id");
        field?.Accessor.Clear(copy);
        var body = copy.ToByteArray();
        var suffix = Encoding.UTF8.GetBytes($"\n{policyId}\n{policyVersion}");
        return Convert.ToHexStringLower(SHA256.HashData([.. body, .. suffix]));
    }

    /// <summary>An offer id: the first 16 hex characters of SHA-256(fingerprint + terms).</summary>
    public static string OfferId(string fingerprint, PlanTerms terms)
    {
        var text = $"{fingerprint}|{terms.DownPaymentMinor}|{terms.DiscountMinor}|{(int)terms.Frequency}|{terms.Installments}|{terms.GracePeriods}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
