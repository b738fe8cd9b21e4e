namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// French amortization (cuota fija) in minor units (SPEC §3): A = F·a rounded up to a multiple of the rounding unit;
/// each period's interest is the periodic rate on the remaining balance rounded half up to the minor unit; the last
/// installment settles the remaining balance exactly. Grace periods accrue no interest.
/// </summary>
public static class Amortization
{
    /// <summary>
    /// A: the regular installment for <paramref name="financedMinor"/> over the profile's structure, a multiple of
    /// <paramref name="roundingUnitMinor"/>. Interest-free plans are computed in integers; otherwise F·a/r is rounded
    /// up, a quotient within 1e-9 of a whole number counting as that number (so float noise never adds a unit).
    /// </summary>
    public static long Installment(long financedMinor, StructureProfile profile, long roundingUnitMinor)
    {
        var n = profile.Structure.Installments;
        if (financedMinor <= 0 || n == 0)
        {
            return 0;
        }

        if (profile.PeriodRate == 0)
        {
            var perUnit = (Int128)n * roundingUnitMinor;
            return (long)((financedMinor + perUnit - 1) / perUnit) * roundingUnitMinor;
        }

        var units = Math.Ceiling((financedMinor * profile.AnnuityFactor / roundingUnitMinor) - 1e-9);
        return (long)units * roundingUnitMinor;
    }

    /// <summary>
    /// Fills <paramref name="amounts"/> and <paramref name="interest"/> (length n) with the schedule of a plan that finances
    /// <paramref name="financedMinor"/> at installment <paramref name="installmentMinor"/>, at the periodic rate
    /// TNA/p = <paramref name="nominalRateBp"/>/(10000·<paramref name="periodsPerYear"/>). Each period's interest is
    /// rounded half up in integers, so a balance whose interest is exactly half a minor unit always rounds up (the
    /// floating product can land just below the half). Returns false when the rounded installment repays the balance
    /// before installment n (the last would be ≤ 0): no such plan exists.
    /// </summary>
    public static bool Fill(long financedMinor, long installmentMinor, int nominalRateBp, int periodsPerYear, Span<long> amounts, Span<long> interest)
    {
        var n = amounts.Length;
        var balance = financedMinor;
        var denominator = (Int128)20_000 * periodsPerYear;
        for (var k = 0; k < n; k++)
        {
            var due = (long)(((Int128)2 * balance * nominalRateBp + (denominator / 2)) / denominator);
            interest[k] = due;
            if (k == n - 1)
            {
                amounts[k] = balance + due;
                return balance > 0;
            }

            amounts[k] = installmentMinor;
            balance -= installmentMinor - due;
            if (balance <= 0)
            {
                return false;
            }
        }

        return true;
    }
}
