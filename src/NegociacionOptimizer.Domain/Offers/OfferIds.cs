using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>Deterministic offer ids: the same request and policy (the fingerprint) and the same plan give the same id.</summary>
public static class OfferIds
{
    /// <summary>"of-" and the first 16 hex digits of SHA-256(fingerprint, f, n, g, D, Q).</summary>
    public static string Of(string fingerprint, PlanTerms terms)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{fingerprint}|{terms.Frequency}|{terms.Installments}|{terms.GracePeriods}|{terms.DownPaymentMinor}|{terms.DiscountMinor}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "of-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
