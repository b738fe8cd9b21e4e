using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>The sentence of a VerifyOffer answer: the language table's <c>Verification.&lt;result&gt;</c>.</summary>
public static class VerificationTexts
{
    /// <summary>What the check found about an offer expiring on <paramref name="expiresOn"/>.</summary>
    public static string Of(OfferRefusal refusal, string expiresOn, Language language) => refusal switch
    {
        OfferRefusal.Unspecified => language.Text("Verification.Valid"),
        OfferRefusal.Unsigned => language.Text("Verification.Unsigned"),
        OfferRefusal.UnknownKey => language.Text("Verification.UnknownKey"),
        OfferRefusal.Altered => language.Text("Verification.Altered"),
        _ => language.Text("Verification.Expired", ("expiresOn", expiresOn)),
    };
}
