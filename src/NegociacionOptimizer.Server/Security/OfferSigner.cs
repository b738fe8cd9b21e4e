using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// Signs every offer the server issues (HMAC-SHA256 with the active key, the key's id in the offer) and verifies an offer
/// presented back: unsigned, signed with a key not held, altered in any signed part, or past its expiry day (UTC, by
/// <see cref="SecurityClock"/>) → refused with that reason.
/// </summary>
/// <param name="keys">The signing keys.</param>
/// <param name="clock">Today's date, for expiry.</param>
public sealed class OfferSigner(OfferKeyRing keys, SecurityClock clock)
{
    private const string Domain = "negociacion.offer.v1";

    /// <summary>Signs every offer of a response.</summary>
    public GenerateOffersResponse Sign(GenerateOffersResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var offer in response.Offers)
        {
            Sign(offer);
        }

        return response;
    }

    /// <summary>Signs the accepted offer and every counter-offer of a response.</summary>
    public EvaluateProposalResponse Sign(EvaluateProposalResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.AcceptedOffer is { } accepted)
        {
            Sign(accepted);
        }

        foreach (var counter in response.CounterOffers)
        {
            Sign(counter.Offer);
        }

        return response;
    }

    /// <summary>Sets the offer's key id and signature.</summary>
    public void Sign(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        offer.SignatureKeyId = keys.ActiveKeyId;
        offer.Signature = Base64Url(Mac(keys.Active, offer));
    }

    /// <summary>Why <paramref name="offer"/> is refused, or <see cref="OfferRefusal.Unspecified"/> when it is valid.</summary>
    public OfferRefusal Verify(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (offer.Signature.Length == 0 || offer.SignatureKeyId.Length == 0)
        {
            return OfferRefusal.Unsigned;
        }

        if (keys.Find(offer.SignatureKeyId) is not { } key)
        {
            return OfferRefusal.UnknownKey;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(offer.Signature), Encoding.ASCII.GetBytes(Base64Url(Mac(key, offer)))))
        {
            return OfferRefusal.Altered;
        }

        var today = DateOnly.FromDateTime(clock.Time.GetUtcNow().UtcDateTime);
        return !DateOnly.TryParseExact(offer.ExpiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
            || expires < today
            ? OfferRefusal.Expired
            : OfferRefusal.Unspecified;
    }

    /// <summary>The MAC of the signed parts, each length-prefixed so no two offers share an encoding.</summary>
    private static byte[] Mac(byte[] key, Offer offer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Domain);
            writer.Write(offer.OfferId);
            writer.Write((int)offer.Kind);
            writer.Write(offer.Currency);
            writer.Write(offer.DownPaymentMinor);
            var discount = offer.Discount ?? new DiscountBreakdown();
            writer.Write(discount.FeesMinor);
            writer.Write(discount.InterestMinor);
            writer.Write(discount.PrincipalMinor);
            writer.Write(discount.TotalMinor);
            writer.Write((int)offer.Frequency);
            writer.Write(offer.Installments);
            writer.Write(offer.GracePeriods);
            writer.Write(offer.InstallmentMinor);
            writer.Write(offer.LastInstallmentMinor);
            writer.Write(offer.FinancedMinor);
            writer.Write(offer.TotalToPayMinor);
            writer.Write(offer.NominalAnnualRateBp);
            writer.Write(offer.Schedule.Count);
            foreach (var payment in offer.Schedule)
            {
                writer.Write(payment.Number);
                writer.Write(payment.DueDate);
                writer.Write(payment.AmountMinor);
                writer.Write(payment.InterestMinor);
                writer.Write(payment.PrincipalMinor);
            }

            var policy = offer.Policy ?? new PolicyRef();
            writer.Write(policy.PolicyId);
            writer.Write(policy.Version);
            writer.Write(policy.Arm);
            writer.Write(policy.Tightened);
            writer.Write(offer.ExpiresOn);
        }

        return HMACSHA256.HashData(key, buffer.ToArray());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
