namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>
/// Instant of the June solstice (the southern-hemisphere winter solstice), by J. Meeus,
/// <i>Astronomical Algorithms</i> (2nd ed.), chapter 27: mean solstice for years 1000–3000 plus the
/// 24 periodic terms of table 27.C, accurate to about a minute. The result is in dynamical time
/// (TT); it is converted to UTC with ΔT fixed at its 2020s value, since ΔT cannot be predicted.
/// </summary>
internal static class JuneSolstice
{
    private const double J2000 = 2451545.0;

    // Julian day J2000 is 2000-01-01 12:00 TT.
    private static readonly DateTime J2000Epoch = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan DeltaT = TimeSpan.FromSeconds(69);

    // Table 27.C: amplitude A, phase B (degrees), rate C (degrees per Julian century).
    private static readonly (double A, double B, double C)[] PeriodicTerms =
    [
        (485, 324.96, 1934.136), (203, 337.23, 32964.467), (199, 342.08, 20.186),
        (182, 27.85, 445267.112), (156, 73.14, 45036.886), (136, 171.52, 22518.443),
        (77, 222.54, 65928.934), (74, 296.72, 3034.906), (70, 243.58, 9037.513),
        (58, 119.81, 33718.147), (52, 297.17, 150.678), (50, 21.02, 2281.226),
        (45, 247.54, 29929.562), (44, 325.15, 31555.956), (29, 60.93, 4443.417),
        (18, 155.12, 67555.328), (17, 288.79, 4562.452), (16, 198.04, 62894.029),
        (14, 199.76, 31436.921), (12, 95.39, 14577.848), (12, 287.11, 31931.756),
        (12, 320.81, 34777.259), (9, 227.73, 1222.114), (8, 15.45, 16859.074),
    ];

    /// <summary>The June solstice of <paramref name="year"/>, in UTC.</summary>
    public static DateTime Utc(int year)
    {
        var y = (year - 2000) / 1000.0;
        var jde0 = 2451716.56767 + (365241.62603 * y) + (0.00325 * y * y)
                   + (0.00888 * y * y * y) - (0.00030 * y * y * y * y);
        var t = (jde0 - J2000) / 36525;
        var w = Radians((35999.373 * t) - 2.47);
        var deltaLambda = 1 + (0.0334 * Math.Cos(w)) + (0.0007 * Math.Cos(2 * w));
        var s = 0.0;
        foreach (var (a, b, c) in PeriodicTerms)
        {
            s += a * Math.Cos(Radians(b + (c * t)));
        }

        var jde = jde0 + (0.00001 * s / deltaLambda);
        return J2000Epoch.AddDays(jde - J2000) - DeltaT;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
