namespace NegociacionOptimizer.Optimization.Running;

/// <summary>A solve that <see cref="SolveRunner"/> refused or could not finish; the boundary maps it to its protocol's status.</summary>
public sealed class SolveRefusedException : Exception
{
    /// <summary>A refusal with its reason and the figures of its message.</summary>
    public SolveRefusedException(SolveRefusal refusal, string message)
        : base(message)
    {
        Refusal = refusal;
    }

    /// <summary>A refusal without a reason (for serializers and analyzers).</summary>
    public SolveRefusedException()
    {
    }

    /// <summary>A refusal without a reason (for serializers and analyzers).</summary>
    public SolveRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal without a reason (for serializers and analyzers).</summary>
    public SolveRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why.</summary>
    public SolveRefusal Refusal { get; }
}
