using MathNet.Numerics.RootFinding;

namespace NegociacionOptimizer.Domain.Valuation;

/// <summary>
/// The effective annual cost (CFT/TEA, SPEC §3): the ρ that solves F = Σ A_k·(1+ρ)^(−t_k/365) over the plan's dated flows.
/// </summary>
public static class EffectiveAnnualCost
{
    private const double Accuracy = 1e-12;

    /// <summary>
    /// The largest rate the root finder brackets (10^9 a year). A plan whose flows are still worth more than F there has
    /// a CFT above any cap a policy can set; <see cref="Solve"/> reports it as +∞ instead of failing.
    /// </summary>
    public const double MaxBracketedRate = 1e9;

    /// <summary>Present value of the installments at annual rate <paramref name="rate"/> minus the financed amount.</summary>
    public static double NetPresentValue(double rate, long financedMinor, ReadOnlySpan<long> amounts, ReadOnlySpan<int> days)
    {
        var pv = 0.0;
        var growth = Math.Log(1 + rate) / 365.0;
        for (var k = 0; k < amounts.Length; k++)
        {
            pv += amounts[k] * Math.Exp(-growth * days[k]);
        }

        return pv - financedMinor;
    }

    /// <summary>
    /// True when the plan's CFT is at most <paramref name="capRate"/>: since the present value falls as the rate rises,
    /// ρ ≤ cap exactly when the flows discounted at the cap are worth at most F. One pass, no root finding.
    /// </summary>
    public static bool IsWithin(double capRate, long financedMinor, ReadOnlySpan<long> amounts, ReadOnlySpan<int> days) =>
        NetPresentValue(capRate, financedMinor, amounts, days) <= 1e-6;

    /// <summary>
    /// ρ, as a fraction a year, found with MathNet's bracketed Brent solver. 0 when nothing is financed or the flows
    /// repay exactly F (an interest-free plan); the bracket [0, hi] grows until it holds the root; +∞ when even
    /// <see cref="MaxBracketedRate"/> does not (e.g. a few hundred minor units financed for one day at a high TNA).
    /// </summary>
    public static double Solve(long financedMinor, long[] amounts, int[] days)
    {
        if (financedMinor <= 0 || amounts.Length == 0 || NetPresentValue(0, financedMinor, amounts, days) <= 0)
        {
            return 0;
        }

        double f(double rate) => NetPresentValue(rate, financedMinor, amounts, days);
        var high = 1.0;
        while (f(high) > 0)
        {
            if (high >= MaxBracketedRate)
            {
                return double.PositiveInfinity;
            }

            high = Math.Min(high * 4, MaxBracketedRate);
        }

        return Brent.TryFindRoot(f, 0, high, Accuracy, 200, out var root)
            ? root
            : Bisection.FindRoot(f, 0, high, Accuracy, 10_000);
    }
}
