using Google.Protobuf.Reflection;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>Descriptors of the v1 enums, for validation messages in proto names.</summary>
public static class ProtoEnums
{
    /// <summary>negociacion.v1.Frequency.</summary>
    public static EnumDescriptor Frequency { get; } = Find(V1.CommonReflection.Descriptor, "Frequency");

    /// <summary>negociacion.v1.Reason.</summary>
    public static EnumDescriptor Reason { get; } = Find(V1.CommonReflection.Descriptor, "Reason");

    /// <summary>negociacion.v1.Weekday.</summary>
    public static EnumDescriptor Weekday { get; } = Find(V1.CommonReflection.Descriptor, "Weekday");

    /// <summary>negociacion.v1.OfferKind.</summary>
    public static EnumDescriptor OfferKind { get; } = Find(V1.OfferServiceReflection.Descriptor, "OfferKind");

    /// <summary>negociacion.v1.Verdict.</summary>
    public static EnumDescriptor Verdict { get; } = Find(V1.OfferServiceReflection.Descriptor, "Verdict");

    /// <summary>negociacion.v1.OfferRefusal.</summary>
    public static EnumDescriptor OfferRefusal { get; } = Find(V1.OfferServiceReflection.Descriptor, "OfferRefusal");

    /// <summary>The proto name of value <paramref name="number"/> of <paramref name="descriptor"/> (the number when unknown).</summary>
    public static string NameOf(EnumDescriptor descriptor, int number)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return descriptor.FindValueByNumber(number)?.Name ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static EnumDescriptor Find(FileDescriptor file, string name) => file.EnumTypes.Single(e => e.Name == name);
}
