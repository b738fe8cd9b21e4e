using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>The sentence of a VerifyOffer answer, neutral, es-AR by default, en on request.</summary>
public static class VerificationTexts
{
    /// <summary>What the check found about an offer expiring on <paramref name="expiresOn"/>.</summary>
    public static string Of(OfferRefusal refusal, string expiresOn, Language language)
    {
        var en = language == Language.English;
        return refusal switch
        {
            OfferRefusal.Unspecified => en
                ? "The offer is valid: issued by this service, unchanged and still open."
                : "La oferta es válida: la emitió este servicio, no tiene cambios y sigue vigente.",
            OfferRefusal.Unsigned => en
                ? "The offer carries no signature, so it cannot be accepted; ask for a new one."
                : "La oferta no tiene firma, por lo que no se puede aceptar; pida una nueva.",
            OfferRefusal.UnknownKey => en
                ? "The offer is signed with a key this service does not hold; ask for a new one."
                : "La oferta está firmada con una clave que este servicio no reconoce; pida una nueva.",
            OfferRefusal.Altered => en
                ? "The offer differs from the one this service issued; ask for a new one."
                : "La oferta no coincide con la que emitió este servicio; pida una nueva.",
            _ => en
                ? $"The offer was open until {expiresOn}; ask for a new one."
                : $"La oferta estuvo vigente hasta el {expiresOn}; pida una nueva.",
        };
    }
}
