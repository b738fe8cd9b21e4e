namespace NegociacionOptimizer.Domain.Limits;

/// <summary>A row of <see cref="FieldLimits"/> seen without its number type, for the documentation checks and the schema.</summary>
public interface IFieldLimit
{
    /// <summary>The proto message that declares the field, e.g. "Policy".</summary>
    string Message { get; }

    /// <summary>The proto field name, e.g. "max_term_months".</summary>
    string Field { get; }

    /// <summary>The unit the field is documented in, e.g. "months", "bp", "minor units".</summary>
    string Unit { get; }

    /// <summary>Smallest valid value.</summary>
    decimal Minimum { get; }

    /// <summary>Largest valid value.</summary>
    decimal Maximum { get; }

    /// <summary>The value an unset field takes; null when the default is not one number (or there is none).</summary>
    decimal? DefaultNumber { get; }

    /// <summary>Other fields ("Message.field") that share this range, e.g. a call's tightening of a policy field.</summary>
    IReadOnlyList<string> AlsoOn { get; }
}
