using Google.Protobuf.Reflection;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Accounts;
using ProtoReason = NegociacionOptimizer.Api.V1.Reason;
using ProtoWeekday = NegociacionOptimizer.Api.V1.Weekday;

namespace NegociacionOptimizer.Analyst.Csv;

/// <summary>
/// Domain enums as the proto's value names ("FREQUENCY_MONTHLY", "REASON_JOB_LOSS", "WEEKDAY_FRIDAY"), the spelling every
/// file of the analysts' tools uses. The domain ↔ proto conversion is the Api's (<see cref="ToProto"/>,
/// <see cref="ToDomain"/>); the names come from the proto descriptors. Reading also accepts a name without its prefix, in
/// any case.
/// </summary>
internal static class EnumNames
{
    public static string Name(Frequency f) => NameOf(ProtoEnums.Frequency, (int)ToProto.Frequency(f));

    public static string Name(Reason r) => NameOf(ProtoEnums.Reason, (int)(ProtoReason)(int)r);

    public static string Name(DayOfWeek d) => NameOf(ProtoEnums.Weekday, (int)(d == DayOfWeek.Sunday ? ProtoWeekday.Sunday : (ProtoWeekday)(int)d));

    public static Frequency ParseFrequency(string text) =>
        ToDomain.Frequency((Api.V1.Frequency)Parse(ProtoEnums.Frequency, text, "FREQUENCY_"))
        ?? throw new FormatException($"'{text}' is not a frequency");

    public static Reason ParseReason(string text) => ToDomain.Reason((ProtoReason)Parse(ProtoEnums.Reason, text, "REASON_"));

    public static DayOfWeek ParseWeekday(string text) => ToDomain.Weekday((ProtoWeekday)Parse(ProtoEnums.Weekday, text, "WEEKDAY_"));

    private static string NameOf(EnumDescriptor descriptor, int number) => descriptor.FindValueByNumber(number).Name;

    /// <summary>The number of a non-zero value named <paramref name="text"/>, with or without its prefix.</summary>
    private static int Parse(EnumDescriptor descriptor, string text, string prefix)
    {
        var name = text.Trim().ToUpperInvariant();
        name = name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name;
        var values = descriptor.Values.Where(v => v.Number != 0).ToList();
        return values.FirstOrDefault(v => v.Name == name)?.Number
            ?? throw new FormatException($"'{text}' is not one of {string.Join(", ", values.Select(v => v.Name))}");
    }
}
