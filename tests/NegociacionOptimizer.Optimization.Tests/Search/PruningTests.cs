using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;
using NegociacionOptimizer.Optimization.Search;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// The pruning and the incumbents that make the search fast must never lose a plan: each piece's region contains every
/// feasible plan of the piece with values inside its bound, the heuristics only return feasible plans, and a good
/// incumbent does leave pieces out. Checked against the exhaustive reference on seeded instances.
/// </summary>
public class PruningTests
{
    private static readonly int[] Seeds = [.. Enumerable.Range(1_000, 40)];

    [Fact]
    public void Every_feasible_plan_lies_in_its_piece_region_and_under_its_bounds_and_score_bound()
    {
        var checkedPlans = 0;
        foreach (var seed in Seeds)
        {
            var context = InstanceGenerator.Create(seed);
            var space = new PlanSpace(context);
            foreach (var plan in ExhaustiveReference.FeasiblePlans(context).Where(p => !p.Terms.IsSettlement))
            {
                // The margin of the plan's own structure (n + 2 and the coefficients' error, under one more unit).
                var margin = plan.Terms.Installments + 3.0;
                var structure = space.Structures.Single(s => s.Structure == plan.Terms.Structure);
                var units = plan.InstallmentMinor / space.Rounding;
                var piece = structure.Pieces.Single(p => p.LowUnits <= units && units <= p.HighUnits);
                var region = new PieceRegion(space, structure, piece);
                Assert.False(region.IsEmpty, $"seed {seed}: {plan.Terms} outside its region");
                foreach (var (perCompany, perPerson) in new[] { (1.0, 0.0), (0.0, 1.0), (0.3 / plan.CompanyValueMinor, 0.7 / Math.Max(1, plan.PersonValueMinor)) })
                {
                    var value = (perCompany * plan.CompanyValueMinor) + (perPerson * plan.PersonValueMinor);
                    Assert.True(region.Max(perCompany, perPerson) >= value - (margin * (perCompany + perPerson)),
                        $"seed {seed}: {plan.Terms} bound {region.Max(perCompany, perPerson)} < {value}");
                }

                Assert.True(region.MaxScore(context.CompanyWeight, margin) >= plan.Score * (1 - 1e-9),
                    $"seed {seed}: {plan.Terms} N {plan.Score} above its piece's bound {region.MaxScore(context.CompanyWeight, margin)}");
                checkedPlans++;
            }
        }

        Assert.True(checkedPlans > 1_000, $"only {checkedPlans} plans checked");
    }

    [Fact]
    public void Heuristic_incumbents_are_feasible_and_never_beat_the_optimum()
    {
        var (found, solvable) = (0, 0);
        foreach (var seed in Seeds)
        {
            var context = InstanceGenerator.Create(seed);
            var space = new PlanSpace(context);
            var optimum = ExhaustiveReference.FeasiblePlans(context).Select(p => p.Score).DefaultIfEmpty(0).Max();
            solvable += optimum > 0 ? 1 : 0;
            if (VertexHeuristic.Best(space, _ => true, _ => false) is not { } guess)
            {
                continue;
            }

            var climbed = LocalSearch.Climb(space, guess, _ => false);
            foreach (var plan in new[] { guess, climbed })
            {
                Assert.True(PlanEvaluator.Evaluate(context, plan.Terms, detail: false).IsFeasible, $"seed {seed}: {plan.Terms}");
                Assert.Equal(0, plan.Terms.DownPaymentMinor % space.Step);
                Assert.Equal(0, plan.Terms.DiscountMinor % space.Step);
                Assert.True(plan.Score <= optimum * (1 + 1e-12), $"seed {seed}: {plan.Score} > optimum {optimum}");
            }

            Assert.True(climbed.Score >= guess.Score);
            found++;
        }

        // These grids are coarse (8–16 steps over the balance), so rounding a vertex often leaves the feasible set.
        Assert.True(found >= solvable / 2, $"the heuristic found a plan for only {found} of {solvable} instances with one");
    }

    [Fact]
    public void An_optimal_incumbent_leaves_pieces_out_of_the_model_and_the_score_bound_more_than_its_tangent()
    {
        var (byScore, byTangent, total) = (0, 0, 0);
        foreach (var seed in Seeds)
        {
            var context = InstanceGenerator.Create(seed);
            var best = ExhaustiveReference.FeasiblePlans(context).OrderByDescending(p => p.Score).FirstOrDefault();
            if (best is not { Score: > 0 })
            {
                continue;
            }

            var space = new PlanSpace(context);
            var w = context.CompanyWeight;
            var (perCompany, perPerson) = (w / best.CompanyValueMinor, (1 - w) / best.PersonValueMinor);
            var tangent = new OfferModel(space, _ => true, includeSettlement: true,
                keep: (region, margin) => region.Max(perCompany, perPerson) >= 1 - (margin * (perCompany + perPerson)));
            var score = new OfferModel(space, _ => true, includeSettlement: true,
                keep: (region, margin) => region.MaxScore(w, margin) >= best.Score * (1 - 1e-9));
            Assert.True(score.PrunedPieces >= tangent.PrunedPieces, $"seed {seed}: {score.PrunedPieces} < {tangent.PrunedPieces}");
            byScore += score.PrunedPieces;
            byTangent += tangent.PrunedPieces;
            total += space.Structures.Sum(s => s.Pieces.Count);
        }

        Assert.True(byTangent > total / 2, $"{byTangent} of {total} pieces pruned by the tangent");
        Assert.True(byScore > byTangent, $"the score bound pruned {byScore}, the tangent {byTangent}");
    }
}
