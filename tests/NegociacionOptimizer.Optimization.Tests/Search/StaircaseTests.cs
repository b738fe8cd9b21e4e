using Google.OrTools.Sat;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// The exact staircases of lines of feasible plans: every value under one is dominated by a feasible plan, a model that
/// requires a plan outside one keeps every feasible plan outside it, and leaves out the plans deep in its notches, which
/// the region under the same line lets through.
/// </summary>
public class StaircaseTests
{
    [Fact]
    public void Every_feasible_plan_under_a_staircase_is_dominated()
    {
        var (staircases, under, notched) = (0, 0, 0);
        foreach (var (seed, grid) in Enumerable.Range(3_000, 30).Select(s => (s, (long?)null)).Concat(Enumerable.Range(3_100, 10).Select(s => (s, (long?)40))))
        {
            var context = InstanceGenerator.CreateOnGrid(seed, grid);
            var space = new PlanSpace(context);
            var feasible = ExhaustiveReference.FeasiblePlans(context);
            var found = new List<Staircase>();
            var lines = feasible.Where((_, index) => index % 11 == 0).SelectMany(p => DominatedLine.Through(space, p, found)).ToList();
            staircases += found.Count;
            foreach (var plan in feasible.Where(p => found.Any(s => s.Contains(p.CompanyValueMinor, p.PersonValueMinor))))
            {
                under++;
                notched += lines.Any(line => line.Contains(plan)) ? 0 : 1;
                Assert.True(feasible.Any(other => Dominance.Dominates(other, plan)),
                    $"seed {seed}: {plan.Terms} lies under a staircase and nothing dominates it");
            }
        }

        Assert.True(staircases > 100 && under > 1_000, $"only {staircases} staircases and {under} plans under them");
        Assert.True(notched > 0, "no plan under a staircase lay outside every line region: the test does not reach the notches");
    }

    [Fact]
    public void A_fitted_staircase_has_every_corner_under_a_plan_of_its_run()
    {
        var random = new Random(20261201);
        var fitted = 0;
        for (var round = 0; round < 500; round++)
        {
            // A run with equal steps, a bend and rounding noise, in either direction.
            var count = random.Next(3, 200);
            var bend = random.Next(count);
            var run = Enumerable.Range(0, count)
                .Select(k => (Company: 1_000_000 + (k * 5_000.0) + (Math.Max(0, k - bend) * 1_500.0) + (random.NextDouble() * 900),
                    Person: 2_000_000 - (k * 4_000.0) + (random.NextDouble() * 900)))
                .ToList();
            if (random.Next(2) == 0)
            {
                run.Reverse();
            }

            foreach (var stairs in Staircase.Fit(run))
            {
                fitted++;
                for (var k = 0; k <= stairs.Last; k++)
                {
                    var corner = (Company: stairs.Company + (k * stairs.CompanyStep), Person: stairs.Person - (k * stairs.PersonStep));
                    Assert.True(stairs.Contains(corner.Company, corner.Person), $"round {round}: corner {k} outside its own staircase");
                    Assert.True(run.Any(p => p.Company > corner.Company && p.Person > corner.Person),
                        $"round {round}: corner {k} {corner} lies under no plan of the run");
                }
            }
        }

        Assert.True(fitted > 500, $"only {fitted} staircases fitted");
    }

    [Fact]
    public void A_model_outside_a_staircase_keeps_every_plan_outside_it_and_leaves_out_its_notches()
    {
        var (kept, leftOut) = (0, 0);
        for (var seed = 3_100; seed < 3_120; seed++)
        {
            var context = InstanceGenerator.CreateOnGrid(seed, 40);
            var space = new PlanSpace(context);
            var feasible = ExhaustiveReference.FeasiblePlans(context).Where(p => !p.Terms.IsSettlement).ToList();
            var found = new List<Staircase>();
            foreach (var plan in feasible.Where((_, index) => index % 53 == 0).Take(6))
            {
                DominatedLine.Through(space, plan, found);
            }

            foreach (var stairs in found.Distinct().Take(8))
            {
                foreach (var plan in feasible.Where((_, index) => index % 17 == seed % 17).Take(40))
                {
                    var model = new OfferModel(space, s => s == plan.Terms.Structure, includeSettlement: false);
                    model.RequireOutside(stairs.Company, stairs.Person, stairs.CompanyStep, stairs.PersonStep, stairs.Last);
                    var margin = model.Margin;
                    if (!stairs.Contains(plan.CompanyValueMinor, plan.PersonValueMinor))
                    {
                        kept++;
                        Assert.True(Admits(model, plan.Terms, space.Step), $"seed {seed}: {plan.Terms} outside {stairs} was left out");
                    }
                    else if (stairs.Contains(plan.CompanyValueMinor + (2 * margin) + 2, plan.PersonValueMinor + stairs.PersonStep + (2 * margin) + 2))
                    {
                        leftOut++;
                        Assert.False(Admits(model, plan.Terms, space.Step), $"seed {seed}: {plan.Terms} deep under {stairs} was kept");
                    }
                }
            }
        }

        Assert.True(kept > 300 && leftOut > 20, $"only {kept} plans kept and {leftOut} left out");
    }

    /// <summary>Whether the model has a solution with the plan's structure, D and Q.</summary>
    private static bool Admits(OfferModel model, PlanTerms terms, long step)
    {
        model.Model.Add(model.Down == terms.DownPaymentMinor / step);
        model.Model.Add(model.Discount == terms.DiscountMinor / step);
        var solver = new CpSolver { StringParameters = "num_workers:1,random_seed:17,max_time_in_seconds:20" };
        var status = solver.Solve(model.Model);
        Assert.True(status is CpSolverStatus.Optimal or CpSolverStatus.Feasible or CpSolverStatus.Infeasible, $"solve ended {status}");
        return status != CpSolverStatus.Infeasible;
    }
}
