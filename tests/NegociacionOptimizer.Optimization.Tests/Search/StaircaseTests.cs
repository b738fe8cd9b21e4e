using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>The fill's staircase encoding of "dominated by none of these points" says exactly what one disjunction per point says.</summary>
public class StaircaseTests
{
    [Fact]
    public void A_plan_is_in_a_step_above_its_stair_exactly_when_no_point_dominates_it()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 300; round++)
        {
            var points = Enumerable.Range(0, random.Next(1, 9))
                .Select(_ => ((double)random.Next(0, 50), (double)random.Next(0, 50)))
                .ToList();
            var stairs = OfferModel.Staircase(points);

            Assert.True(stairs.Zip(stairs.Skip(1)).All(p => p.First.Company < p.Second.Company && p.First.Person > p.Second.Person));
            for (var c = -1; c <= 51; c++)
            {
                for (var d = -1; d <= 51; d++)
                {
                    var undominated = points.All(p => c > p.Item1 || d > p.Item2);
                    var step = stairs.ToList().FindIndex(s => c <= s.Company);
                    var inStep = step < 0 || d > stairs[step].Person;
                    Assert.True(undominated == inStep, $"round {round}: ({c}, {d}) with points {string.Join(" ", points)}");
                }
            }
        }
    }
}
