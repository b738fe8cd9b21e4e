using CsCheck;

namespace NegociacionOptimizer.Domain.Tests.Support;

/// <summary>
/// Repeatable property checks: one seeded CsCheck sample of an array of cases, so CI always sees the same inputs and a
/// failure still shrinks to a small counterexample.
/// </summary>
internal static class Seeded
{
    public const string Seed = "0N0XIzNsQ0O2";

    public static void ForAll<T>(Gen<T> gen, int cases, Action<T> assert) =>
        gen.Array[cases].Sample(
            items =>
            {
                foreach (var item in items)
                {
                    assert(item);
                }
            },
            seed: Seed,
            iter: 1,
            threads: 1);
}
