using System.Globalization;
using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>One segment of one dimension: <paramref name="Order"/> sorts the segments of a dimension, <paramref name="Label"/> names it.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Order">Position among the dimension's segments (ascending).</param>
/// <param name="Label">What the report prints.</param>
internal readonly record struct SegmentKey(SegmentDimension Dimension, int Order, string Label)
{
    /// <summary>Upper bounds (inclusive) of the days-past-due buckets; above the last is one more bucket.</summary>
    private static readonly int[] DaysPastDueBounds = [30, 60, 90, 120, 150, 180, 360];

    /// <summary>The segment of <paramref name="input"/> in every dimension.</summary>
    public static IEnumerable<SegmentKey> Of(PortfolioAccount input)
    {
        yield return new SegmentKey(SegmentDimension.Reason, (int)input.Inquiry.Reason, EnumNames.Name(input.Inquiry.Reason));
        yield return DaysPastDue(input.Account.DaysPastDue);
        yield return BalanceBand(input.Account.Balance);
    }

    private static SegmentKey DaysPastDue(int days)
    {
        var bucket = Array.FindIndex(DaysPastDueBounds, bound => days <= bound);
        var label = bucket switch
        {
            -1 => $"> {DaysPastDueBounds[^1].ToString(CultureInfo.InvariantCulture)} d",
            0 => $"0–{DaysPastDueBounds[0].ToString(CultureInfo.InvariantCulture)} d",
            _ => $"{(DaysPastDueBounds[bucket - 1] + 1).ToString(CultureInfo.InvariantCulture)}–{DaysPastDueBounds[bucket].ToString(CultureInfo.InvariantCulture)} d",
        };
        return new SegmentKey(SegmentDimension.DaysPastDue, bucket < 0 ? DaysPastDueBounds.Length : bucket, label);
    }

    /// <summary>[10^k, 10^(k+1)) major units (the first band from 0).</summary>
    private static SegmentKey BalanceBand(Amount balance)
    {
        var major = balance.WholeMajor;
        var k = 0;
        long lower = 0;
        long upper = 10;
        while (major >= upper && k < 17)
        {
            lower = upper;
            upper *= 10;
            k++;
        }

        return new SegmentKey(SegmentDimension.BalanceBand, k, $"{Display.Count(lower)} – {Display.Count(upper - 1)} {balance.Currency.Code}");
    }
}
