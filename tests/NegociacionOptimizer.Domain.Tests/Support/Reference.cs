namespace NegociacionOptimizer.Domain.Tests.Support;

/// <summary>
/// Independent reference formulas written from SPEC §3, sharing no code with the domain: a spreadsheet's PMT in decimal
/// arithmetic and an XIRR by plain bisection.
/// </summary>
internal static class Reference
{
    /// <summary>=PMT(rate/p, n, -F) with rate = tnaBp/10000, in 28-digit decimal: F·i / (1 − (1+i)^−n).</summary>
    public static decimal Pmt(long financed, int tnaBp, int periodsPerYear, int n)
    {
        var i = tnaBp / 10_000m / periodsPerYear;
        if (i == 0)
        {
            return (decimal)financed / n;
        }

        var growth = 1m;
        for (var k = 0; k < n; k++)
        {
            growth *= 1 + i;
        }

        return financed * i * growth / (growth - 1);
    }

    /// <summary>The smallest multiple of <paramref name="unit"/> ≥ <paramref name="amount"/>.</summary>
    public static long RoundUp(decimal amount, long unit) => (long)Math.Ceiling(amount / unit) * unit;

    /// <summary>
    /// XIRR as a spreadsheet defines it over the flows −F at day 0 and A_k at day t_k: the r with
    /// Σ A_k·(1+r)^(−t_k/365) = F, by 200 bisection steps on [−0.99, 1e6] (the present value falls as r rises).
    /// </summary>
    public static double Xirr(long financed, IReadOnlyList<long> amounts, IReadOnlyList<int> days)
    {
        double Npv(double r)
        {
            var pv = 0.0;
            for (var k = 0; k < amounts.Count; k++)
            {
                pv += amounts[k] / Math.Pow(1 + r, days[k] / 365.0);
            }

            return pv - financed;
        }

        double lo = -0.99, hi = 1e6;
        for (var step = 0; step < 200; step++)
        {
            var mid = (lo + hi) / 2;
            if (Npv(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
