using NegociacionOptimizer.Domain.Accounts;
using ProtoFrequency = NegociacionOptimizer.Api.V1.Frequency;
using ProtoReason = NegociacionOptimizer.Api.V1.Reason;
using ProtoWeekday = NegociacionOptimizer.Api.V1.Weekday;

namespace NegociacionOptimizer.Analyst.Policies;

/// <summary>
/// Domain enums ↔ the proto's enums and their names ("FREQUENCY_MONTHLY", "REASON_JOB_LOSS", "WEEKDAY_FRIDAY"), the
/// spelling every file of the analysts' tools uses. Reading also accepts the name without its prefix, in any case.
/// </summary>
internal static class ProtoNames
{
    public static ProtoFrequency ToProto(Frequency f) => f switch
    {
        Frequency.Monthly => ProtoFrequency.Monthly,
        Frequency.Biweekly => ProtoFrequency.Biweekly,
        Frequency.Weekly => ProtoFrequency.Weekly,
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, null),
    };

    public static Frequency FromProto(ProtoFrequency f) => f switch
    {
        ProtoFrequency.Monthly => Frequency.Monthly,
        ProtoFrequency.Biweekly => Frequency.Biweekly,
        ProtoFrequency.Weekly => Frequency.Weekly,
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, "frequency must be MONTHLY, BIWEEKLY or WEEKLY"),
    };

    /// <summary>Domain and proto reasons share their numbers (1..8).</summary>
    public static ProtoReason ToProto(Reason r) => (ProtoReason)(int)r;

    public static Reason FromProto(ProtoReason r) =>
        Enum.IsDefined((Reason)(int)r) ? (Reason)(int)r : throw new ArgumentOutOfRangeException(nameof(r), r, "reason must be set");

    public static string Name(Frequency f) => EnumName(ToProto(f));

    public static string Name(Reason r) => EnumName(ToProto(r));

    public static string Name(DayOfWeek d) => EnumName((ProtoWeekday)(d == DayOfWeek.Sunday ? 7 : (int)d));

    public static Frequency ParseFrequency(string text) => FromProto(Parse<ProtoFrequency>(text, "FREQUENCY_"));

    public static Reason ParseReason(string text) => FromProto(Parse<ProtoReason>(text, "REASON_"));

    public static DayOfWeek ParseWeekday(string text) => (int)Parse<ProtoWeekday>(text, "WEEKDAY_") is var n and >= 1 and <= 7
        ? (DayOfWeek)(n % 7)
        : throw new FormatException($"'{text}' is not a weekday");

    private static TEnum Parse<TEnum>(string text, string prefix)
        where TEnum : struct, Enum
    {
        var name = text.Trim().ToUpperInvariant();
        name = name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && EnumName(value) == name)
            {
                return value;
            }
        }

        throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Skip(1).Select(EnumName))}");
    }

    private static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())!
            .GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
            .Cast<Google.Protobuf.Reflection.OriginalNameAttribute>().Single().Name;
}
