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

    private static EnumDescriptor Find(FileDescriptor file, string name) => file.EnumTypes.Single(e => e.Name == name);
}
