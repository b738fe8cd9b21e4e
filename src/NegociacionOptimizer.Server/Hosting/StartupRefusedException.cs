namespace NegociacionOptimizer.Server.Hosting;

/// <summary>The server will not start as configured; the message is one line saying why and what to change.</summary>
public sealed class StartupRefusedException : Exception
{
    /// <summary>A refusal with its one-line reason.</summary>
    public StartupRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with its one-line reason and the fault behind it.</summary>
    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal without a reason (prefer the constructors that give one).</summary>
    public StartupRefusedException()
        : base("The server refused to start.")
    {
    }
}
