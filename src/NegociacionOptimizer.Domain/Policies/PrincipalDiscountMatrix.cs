namespace NegociacionOptimizer.Domain.Policies;

/// <summary>
/// Principal discount (quita de capital) caps: rows are term tiers by number of installments, columns are
/// days-past-due buckets. Rows are non-increasing down (longer plans get less), columns non-decreasing across
/// (older accounts allow more); the boundary validates both.
/// </summary>
/// <param name="DaysPastDueFrom">Lower bounds of the days-past-due buckets, ascending, the first 0.</param>
/// <param name="Tiers">Term tiers ascending by <see cref="DiscountTier.MaxInstallments"/>.</param>
public sealed record PrincipalDiscountMatrix(IReadOnlyList<int> DaysPastDueFrom, IReadOnlyList<DiscountTier> Tiers)
{
    /// <summary>The cap, bp of principal, for a plan of <paramref name="installments"/> (0 = settlement) on an account <paramref name="daysPastDue"/> days past due.</summary>
    public int CapBp(int installments, int daysPastDue)
    {
        var column = 0;
        for (var j = 1; j < DaysPastDueFrom.Count; j++)
        {
            if (daysPastDue >= DaysPastDueFrom[j])
            {
                column = j;
            }
        }

        foreach (var tier in Tiers)
        {
            if (installments <= tier.MaxInstallments)
            {
                return tier.PrincipalCapBp[column];
            }
        }

        return 0;
    }
}
