using System.Globalization;
using System.Numerics;
using Google.Protobuf.Reflection;
using NegociacionOptimizer.Domain.Limits;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>Collects every problem of a message, so a caller learns them all at once, with range helpers.</summary>
public sealed class Problems
{
    private readonly List<FieldViolation> _items = [];

    /// <summary>The problems found, in the order found.</summary>
    public IReadOnlyList<FieldViolation> Items => _items;

    /// <summary>True when nothing is wrong.</summary>
    public bool IsEmpty => _items.Count == 0;

    /// <summary>Records a problem.</summary>
    public void Add(string field, string description) => _items.Add(new FieldViolation(field, description));

    /// <summary>
    /// Records a problem when <paramref name="value"/> is outside its table row's range (or, for a double, not finite);
    /// true when it is inside.
    /// </summary>
    public bool Range<T>(string field, T value, FieldLimit<T> limit)
        where T : struct, INumber<T>
    {
        if (limit.Contains(value))
        {
            return true;
        }

        Add(field, string.Create(CultureInfo.InvariantCulture, $"must be between {limit.Min} and {limit.Max}; got {value}"));
        return false;
    }

    /// <summary>Records a problem when <paramref name="text"/> is longer than <paramref name="max"/> characters.</summary>
    public void MaxLength(string field, string text, int max)
    {
        if (text.Length > max)
        {
            Add(field, $"must be at most {max} characters; got {text.Length}");
        }
    }

    /// <summary>
    /// Records a problem for an enum value that is not a defined value of its proto enum (an unknown number), or the
    /// zero value when <paramref name="allowUnspecified"/> is false. True when the value is usable.
    /// </summary>
    public bool Enum<T>(string field, T value, EnumDescriptor descriptor, bool allowUnspecified)
        where T : struct, System.Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        var allowed = string.Join(", ", descriptor.Values.Where(v => v.Number != 0).Select(v => v.Name));
        if (descriptor.FindValueByNumber(number) is null)
        {
            Add(field, $"unknown value {number}; allowed: {allowed}");
            return false;
        }

        if (number == 0 && !allowUnspecified)
        {
            Add(field, $"is required; allowed: {allowed}");
            return false;
        }

        return true;
    }

    /// <summary>Records a problem when a list has more than <see cref="FieldLimits.MaxListLength"/> entries; true when it is short enough.</summary>
    public bool MaxCount(string field, int count)
    {
        if (count <= FieldLimits.MaxListLength)
        {
            return true;
        }

        Add(field, $"must have at most {FieldLimits.MaxListLength} entries; got {count}");
        return false;
    }
}
