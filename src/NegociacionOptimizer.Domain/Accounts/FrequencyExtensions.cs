namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>Extensions on <see cref="Frequency"/>.</summary>
public static class FrequencyExtensions
{
    /// <summary>All frequencies, least frequent first.</summary>
    public static IReadOnlyList<Frequency> All { get; } = [Frequency.Monthly, Frequency.Biweekly, Frequency.Weekly];

    /// <summary>p: periods a year.</summary>
    public static int PeriodsPerYear(this Frequency f) => (int)f;

    /// <summary>True when a plan at <paramref name="plan"/> suits a person paid at <paramref name="income"/>: never more often than they are paid.</summary>
    public static bool SuitsIncome(this Frequency plan, Frequency income) => (int)plan <= (int)income;
}
