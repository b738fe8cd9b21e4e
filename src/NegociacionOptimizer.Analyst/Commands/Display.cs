using System.Globalization;

namespace NegociacionOptimizer.Analyst.Commands;

/// <summary>How reports show numbers: es-AR conventions (1.234,56).</summary>
internal static class Display
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("es-AR");

    public static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    public static string Count(long value) => value.ToString("N0", Culture);
}
