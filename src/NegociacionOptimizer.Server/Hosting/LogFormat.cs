namespace NegociacionOptimizer.Server.Hosting;

/// <summary>How log lines are written.</summary>
public enum LogFormat
{
    /// <summary>Plain text with scopes.</summary>
    Text,

    /// <summary>One JSON object per line, scopes included.</summary>
    Json,
}
