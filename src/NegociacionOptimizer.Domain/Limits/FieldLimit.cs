using System.Numerics;

namespace NegociacionOptimizer.Domain.Limits;

/// <summary>One row of <see cref="FieldLimits"/>: a numeric field's unit, range and default.</summary>
/// <typeparam name="T">The field's number type: int for int32, long for int64, double for double.</typeparam>
/// <param name="Message">The proto message that declares the field.</param>
/// <param name="Field">The proto field name.</param>
/// <param name="Unit">The unit it is documented in.</param>
/// <param name="Min">Smallest valid value.</param>
/// <param name="Max">Largest valid value.</param>
public sealed record FieldLimit<T>(string Message, string Field, string Unit, T Min, T Max) : IFieldLimit
    where T : struct, INumber<T>
{
    /// <summary>The value an unset field takes; null when it has no single-number default.</summary>
    public T? Default { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string> AlsoOn { get; init; } = [];

    /// <summary>The default of a row that has one.</summary>
    /// <exception cref="InvalidOperationException">The row has no single-number default.</exception>
    public T DefaultValue => Default ?? throw new InvalidOperationException($"{Message}.{Field} has no single-number default.");

    /// <summary><paramref name="value"/> when the row allows it: how a domain value is built valid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the row's range (the boundary lets none through).</exception>
    public T Checked(T value) => Contains(value)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"{Message}.{Field} must be between {Min} and {Max}.");

    /// <summary>True when <paramref name="value"/> is finite and within [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public bool Contains(T value) => T.IsFinite(value) && value >= Min && value <= Max;

    decimal IFieldLimit.Minimum => decimal.CreateChecked(Min);

    decimal IFieldLimit.Maximum => decimal.CreateChecked(Max);

    decimal? IFieldLimit.DefaultNumber => Default is { } value ? decimal.CreateChecked(value) : null;
}
