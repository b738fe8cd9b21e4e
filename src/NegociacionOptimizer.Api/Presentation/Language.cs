namespace NegociacionOptimizer.Api.Presentation;

/// <summary>Languages of scripts and explanations.</summary>
public enum Language
{
    /// <summary>Spanish as spoken in Argentina (es-AR): the default.</summary>
    Spanish,
    /// <summary>English.</summary>
    English,
}

/// <summary>Maps the request's <c>language</c> tag.</summary>
public static class Languages
{
    /// <summary>"en" → English; "", "es", "es-AR" → Spanish.</summary>
    public static Language FromTag(string? tag) => tag == "en" ? Language.English : Language.Spanish;
}
