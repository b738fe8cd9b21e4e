using MathNet.Numerics.LinearAlgebra;
using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Tests.Behaviour;

public sealed class HistoryLikelihoodTests
{
    [Fact]
    public void Analytic_gradient_matches_finite_differences()
    {
        var bounds = BehaviourModel.Default.Buckets.Select(b => b.BurdenFromBp).ToList();
        var cells = HistoryCell.Aggregate(SyntheticHistory.Generate(BehaviourModel.Default, 2_000, seed: 9), bounds);
        var likelihood = new HistoryLikelihood(
            cells, [0, 1, 2, 3, 4, 5], [-1, 6, 7, 8, 9, 10, -1, -1, -1], new double[6], [0, 0, 0, 0, 0, 0, 1, 1, 1]);
        var theta = Vector<double>.Build.Dense([-5.3, -4.6, -3.9, -3.4, -2.8, -2.3, 0.4, 0.1, 0.26, 0.34, -0.5]);

        var gradient = likelihood.Evaluate(theta).Gradient;

        for (var j = 0; j < theta.Count; j++)
        {
            var up = theta.Clone();
            var down = theta.Clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            var numeric = (likelihood.Evaluate(up).Value - likelihood.Evaluate(down).Value) / 2e-6;
            Assert.Equal(numeric, gradient[j], Math.Max(1e-3, Math.Abs(numeric) * 1e-5));
        }
    }

    [Fact]
    public void Analytic_gradient_matches_finite_differences_with_the_grace_multiplier_and_unrecorded_break_periods()
    {
        var bounds = BehaviourModel.Default.Buckets.Select(b => b.BurdenFromBp).ToList();
        var model = BehaviourModel.Default with { GraceHazardMultiplier = 2.5 };
        var history = SyntheticHistory.Generate(model, 3_000, seed: 10)
            .Select((r, i) => i % 2 == 0 ? r with { BrokeInPeriod = null } : r);
        var cells = HistoryCell.Aggregate(history, bounds);
        var likelihood = new HistoryLikelihood(
            cells, [0, 1, 2, 3, 4, 5], [-1, 6, 7, 8, 9, 10, -1, -1, -1], new double[6], [0, 0, 0, 0, 0, 0, 1, 1, 1],
            GraceParameter: 11);
        var theta = Vector<double>.Build.Dense([-5.3, -4.6, -3.9, -3.4, -2.8, -2.3, 0.4, 0.1, 0.26, 0.34, -0.5, 0.8]);

        Assert.Contains(cells, c => c.UnknownGraceEvents.Count > 0);
        Assert.Contains(cells, c => c.GraceEvents > 0);
        var gradient = likelihood.Evaluate(theta).Gradient;

        for (var j = 0; j < theta.Count; j++)
        {
            var up = theta.Clone();
            var down = theta.Clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            var numeric = (likelihood.Evaluate(up).Value - likelihood.Evaluate(down).Value) / 2e-6;
            Assert.Equal(numeric, gradient[j], Math.Max(1e-3, Math.Abs(numeric) * 1e-5));
        }
    }
}
