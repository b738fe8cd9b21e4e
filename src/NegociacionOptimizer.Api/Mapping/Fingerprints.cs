using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>The request fingerprint the engine derives offer ids from.</summary>
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
}
