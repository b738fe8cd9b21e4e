using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>
/// A term class of SPEC §5: the settlement, or plans of ≤ 3, ≤ 6, ≤ 12, ≤ 24, ≤ 36 and &gt; 36 months at one frequency.
/// A plan's months are n·12/p (installments only, like the policy's maximum term).
/// </summary>
/// <param name="Frequency">The frequency (monthly for the settlement).</param>
/// <param name="UpToMonths">Upper bound of the class in months; 0 for the settlement, <see cref="int.MaxValue"/> for &gt; 36.</param>
/// <param name="FromMonthsExclusive">Lower bound (exclusive) in months.</param>
public readonly record struct TermClass(Frequency Frequency, int UpToMonths, int FromMonthsExclusive)
{
    private static readonly int[] Bounds = [3, 6, 12, 24, 36];

    /// <summary>The settlement class.</summary>
    public static TermClass Settlement { get; } = new(Frequency.Monthly, 0, -1);

    /// <summary>True for the settlement class.</summary>
    public bool IsSettlement => UpToMonths == 0;

    /// <summary>The class of a structure.</summary>
    public static TermClass Of(PlanStructure structure)
    {
        if (structure.IsSettlement)
        {
            return Settlement;
        }

        var p = structure.Frequency.PeriodsPerYear();
        var previous = 0;
        foreach (var bound in Bounds)
        {
            if (structure.Installments * 12 <= bound * p)
            {
                return new TermClass(structure.Frequency, bound, previous);
            }

            previous = bound;
        }

        return new TermClass(structure.Frequency, int.MaxValue, 36);
    }

    /// <summary>True when a plan of <paramref name="installments"/> at this class's frequency belongs to it.</summary>
    public bool Contains(int installments)
    {
        if (IsSettlement)
        {
            return installments == 0;
        }

        var p = Frequency.PeriodsPerYear();
        return installments > 0
            && installments * 12 > FromMonthsExclusive * p
            && (UpToMonths == int.MaxValue || installments * 12 <= UpToMonths * p);
    }

    /// <summary>True when <paramref name="structure"/> belongs to this class (<see cref="Of"/> gives this class).</summary>
    public bool Contains(PlanStructure structure) =>
        structure.IsSettlement ? IsSettlement : !IsSettlement && Frequency == structure.Frequency && Contains(structure.Installments);

    /// <summary>A stable key, e.g. "settlement", "monthly-le-12", "weekly-gt-36".</summary>
    public override string ToString() =>
        IsSettlement ? "settlement"
        : UpToMonths == int.MaxValue ? $"{Frequency.ToString().ToLowerInvariant()}-gt-36"
        : $"{Frequency.ToString().ToLowerInvariant()}-le-{UpToMonths}";
}
