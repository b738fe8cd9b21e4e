using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// The frontier the fill requires its plans to pass, drawn from known plans (points) and lines of plans, only ever
/// demands what the regions imply: a value it rejects lies in a point's quadrant or a line's region, a piece it covers
/// holds nothing else, and with points alone it says exactly what one disjunction per point says.
/// </summary>
public class DominatedFrontierTests
{
    private static readonly IReadOnlyList<DominatedLine> NoLines = [];

    [Fact]
    public void With_points_alone_a_value_fails_the_frontier_exactly_when_a_point_dominates_it()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 300; round++)
        {
            var points = Points(random, random.Next(1, 9));
            var frontier = new DominatedFrontier(points, NoLines);
            for (var c = -1; c <= 51; c++)
            {
                for (var d = -1; d <= 51; d++)
                {
                    var dominated = points.Any(p => c <= p.Company && d < p.Person);
                    Assert.True(dominated == Fails(frontier, c, d), $"round {round}: ({c}, {d}) with points {string.Join(" ", points)}");
                }
            }
        }
    }

    [Fact]
    public void A_value_the_frontier_rejects_lies_in_a_point_quadrant_or_a_line_region()
    {
        var random = new Random(20261201);
        var rejected = 0;
        for (var round = 0; round < 300; round++)
        {
            var points = Points(random, random.Next(0, 5));
            var lines = Lines(random, random.Next(1, 5));
            var frontier = new DominatedFrontier(points, lines);
            for (var c = -1.5; c <= 61; c += 0.5)
            {
                for (var d = -1.5; d <= 61; d += 0.5)
                {
                    if (!Fails(frontier, c, d))
                    {
                        continue;
                    }

                    rejected++;
                    Assert.True(points.Any(p => c <= p.Company && d < p.Person) || lines.Any(l => l.Contains(c, d)),
                        $"round {round}: ({c}, {d}) rejected outside every region");
                }
            }
        }

        Assert.True(rejected > 10_000, $"only {rejected} values rejected");
    }

    [Fact]
    public void A_covered_hull_holds_only_values_inside_the_regions()
    {
        var random = new Random(20261202);
        var covered = 0;
        for (var round = 0; round < 3_000; round++)
        {
            var points = Points(random, random.Next(0, 4));
            var lines = Lines(random, random.Next(1, 5));
            var frontier = new DominatedFrontier(points, lines);
            var (centre, person) = (random.Next(0, 50), random.Next(0, 50));
            var corners = Enumerable.Range(0, random.Next(1, 7))
                .Select(_ => (Company: centre + (random.NextDouble() * 8) - 4, Person: person + (random.NextDouble() * 8) - 4))
                .ToList();
            if (!frontier.Covers(corners))
            {
                continue;
            }

            covered++;
            for (var sample = 0; sample < 200; sample++)
            {
                // A random point of the hull: a random convex combination of the corners.
                var weights = corners.Select(_ => random.NextDouble()).ToList();
                var total = weights.Sum();
                var c = corners.Select((corner, i) => corner.Company * weights[i]).Sum() / total;
                var d = corners.Select((corner, i) => corner.Person * weights[i]).Sum() / total;
                Assert.True(points.Any(p => c <= p.Company && d < p.Person) || lines.Any(l => l.Contains(c, d)),
                    $"round {round}: ({c}, {d}) of a covered hull lies outside every region");
            }
        }

        Assert.True(covered > 100, $"only {covered} hulls covered");
    }

    [Fact]
    public void A_hull_point_above_an_intervals_requirement_makes_that_interval_reachable()
    {
        var random = new Random(20261203);
        var (above, unreachable) = (0, 0);
        for (var round = 0; round < 3_000; round++)
        {
            var frontier = new DominatedFrontier(Points(random, random.Next(0, 4)), Lines(random, random.Next(1, 5)));
            var (centre, person) = (random.Next(0, 50), random.Next(0, 50));
            var corners = Enumerable.Range(0, random.Next(1, 7))
                .Select(_ => (Company: centre + (random.NextDouble() * 16) - 8, Person: person + (random.NextDouble() * 16) - 8))
                .ToList();
            var reachable = frontier.Reachable(corners, widen: 0);
            Assert.Equal(frontier.Intervals.Count + 1, reachable.Length);
            unreachable += reachable.Count(r => !r);
            for (var sample = 0; sample < 200; sample++)
            {
                var weights = corners.Select(_ => random.NextDouble()).ToList();
                var total = weights.Sum();
                var c = corners.Select((corner, i) => corner.Company * weights[i]).Sum() / total;
                var d = corners.Select((corner, i) => corner.Person * weights[i]).Sum() / total;
                var k = frontier.Intervals.FindIndex(i => i.From < c && c <= i.To);
                if (k < 0)
                {
                    Assert.True(frontier.Intervals.Count == 0 || c <= frontier.Intervals[0].From || reachable[^1],
                        $"round {round}: ({c}, {d}) right of every interval, which is not reachable");
                    continue;
                }

                var (_, _, perCompany, perPerson, level) = frontier.Intervals[k];
                if ((perCompany * c) + (perPerson * d) >= level)
                {
                    above++;
                    Assert.True(reachable[k], $"round {round}: ({c}, {d}) passes interval {k}, which is not reachable");
                }
            }
        }

        Assert.True(above > 10_000 && unreachable > 1_000, $"only {above} values above a requirement and {unreachable} intervals unreachable");
    }

    [Fact]
    public void A_sets_frontier_is_drawn_again_whenever_its_points_or_lines_grow()
    {
        var context = InstanceGenerator.CreateOnGrid(3_100, 40);
        var space = new PlanSpace(context);
        var set = new DominatedSet();
        foreach (var (plan, index) in ExhaustiveReference.FeasiblePlans(context).Where((_, i) => i % 23 == 0).Take(12).Select((p, i) => (p, i)))
        {
            if (index % 2 == 0)
            {
                set.Points.Add(plan);
            }
            else
            {
                set.AddWithLine(space, plan);
            }

            var drawn = new DominatedFrontier(set.Points.Select(p => (p.CompanyValueMinor, p.PersonValueMinor)), set.Lines);
            Assert.Equal(drawn.Intervals, set.Frontier().Intervals);
            Assert.Same(set.Frontier(), set.Frontier());
        }
    }

    /// <summary>Whether (c, d) fails the requirement of the frontier's interval that holds c.</summary>
    private static bool Fails(DominatedFrontier frontier, double c, double d) =>
        frontier.Intervals.FirstOrDefault(i => i.From < c && c <= i.To) is { PerPerson: > 0 } interval
        && (interval.PerCompany * c) + (interval.PerPerson * d) < interval.Level;

    private static List<(double Company, double Person)> Points(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => ((double)random.Next(0, 50), (double)random.Next(0, 50)))];

    /// <summary>Regions of random staircases' shapes: a cap, a right end and a falling slope under both.</summary>
    private static List<DominatedLine> Lines(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var (company, person) = (random.Next(10, 60), random.Next(10, 60));
            var (perCompany, perPerson) = ((long)random.Next(1, 6), (long)random.Next(1, 6));
            var level = (perCompany * company) + (perPerson * person) - random.Next(5, 60);
            return new DominatedLine(company, person, perCompany, perPerson, level);
        })];
}
