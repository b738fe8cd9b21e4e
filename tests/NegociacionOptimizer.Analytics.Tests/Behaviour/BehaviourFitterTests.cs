using NegociacionOptimizer.Analytics.Behaviour;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Tests.Behaviour;

public sealed class BehaviourFitterTests
{
    private static readonly BehaviourModel Truth = BehaviourModel.Default;

    private static readonly Lazy<BehaviourFit> LargeFit =
        new(() => BehaviourFitter.Fit(SyntheticHistory.Generate(Truth, 20_000, seed: 20261122)));

    [Fact]
    public void Fit_recovers_every_generating_base_hazard_within_its_confidence_interval_and_15_percent()
    {
        var fit = LargeFit.Value;

        Assert.Equal(Truth.Buckets.Count, fit.BaseHazards.Count);
        for (var b = 0; b < Truth.Buckets.Count; b++)
        {
            var p = fit.BaseHazards[b];
            var truth = Truth.Buckets[b].MonthlyHazard;
            Assert.Equal(FitStatus.Estimated, p.Status);
            Assert.InRange(truth, p.Lower!.Value, p.Upper!.Value);
            Assert.InRange(p.Estimate / truth, 0.85, 1.15);
        }
    }

    [Fact]
    public void Fit_recovers_every_generating_reason_multiplier_within_its_confidence_interval_and_15_percent()
    {
        var fit = LargeFit.Value;

        foreach (var p in fit.ReasonMultipliers.Where(p => p.Status == FitStatus.Estimated))
        {
            var truth = Truth.Multiplier(p.Reason!.Value);
            Assert.InRange(truth, p.Lower!.Value, p.Upper!.Value);
            Assert.InRange(p.Estimate / truth, 0.85, 1.15);
        }

        Assert.Equal(5, fit.ReasonMultipliers.Count(p => p.Status == FitStatus.Estimated));
        Assert.Equal(FitStatus.Fixed, fit.ReasonMultipliers.Single(p => p.Reason == Reason.Other).Status);
    }

    [Fact]
    public void Fitted_model_is_ready_to_use_and_matches_the_estimates()
    {
        var fit = LargeFit.Value;

        Assert.Equal(fit.BaseHazards.Select(p => p.Estimate), fit.Model.Buckets.Select(b => b.MonthlyHazard));
        Assert.Equal(Truth.Buckets.Select(b => b.BurdenFromBp), fit.Model.Buckets.Select(b => b.BurdenFromBp));
        Assert.Equal(1.0, fit.Model.ReasonMultipliers[Reason.Other]);
        Assert.Equal(20_000, fit.RecordCount);
        Assert.Equal(fit.BaseHazards.Sum(p => p.Events), fit.EventCount);
        Assert.True(fit.LogLikelihood < 0 && double.IsFinite(fit.LogLikelihood));
    }

    [Fact]
    public void Standard_errors_agree_with_the_interval_width_on_the_log_scale()
    {
        foreach (var p in LargeFit.Value.BaseHazards)
        {
            var logHalfWidth = (Math.Log(p.Upper!.Value) - Math.Log(p.Lower!.Value)) / 2;
            Assert.Equal(p.StandardError!.Value / p.Estimate * 1.959964, logHalfWidth, 1e-4);
        }
    }

    [Fact]
    public void Ninety_five_percent_intervals_cover_the_truth_about_95_percent_of_the_time()
    {
        var covered = 0;
        var total = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var fit = BehaviourFitter.Fit(SyntheticHistory.Generate(Truth, 3_000, seed));
            foreach (var p in fit.BaseHazards.Concat(fit.ReasonMultipliers).Where(p => p.Status == FitStatus.Estimated))
            {
                var truth = p.Reason is { } r ? Truth.Multiplier(r) : Truth.Buckets.Single(b => b.BurdenFromBp == p.BurdenFromBp).MonthlyHazard;
                covered += truth >= p.Lower && truth <= p.Upper ? 1 : 0;
                total++;
            }
        }

        Assert.Equal(40 * 11, total);
        Assert.InRange((double)covered / total, 0.90, 0.99);
    }

    [Fact]
    public void Reason_absent_from_the_history_keeps_multiplier_one_and_is_reported_not_estimated()
    {
        var history = SyntheticHistory.Generate(Truth, 5_000, seed: 3).Where(r => r.Reason != Reason.Illness).ToList();

        var fit = BehaviourFitter.Fit(history);

        var illness = fit.ReasonMultipliers.Single(p => p.Reason == Reason.Illness);
        Assert.Equal(FitStatus.NotEstimated, illness.Status);
        Assert.Equal(1.0, illness.Estimate);
        Assert.Equal(1.0, fit.Model.ReasonMultipliers[Reason.Illness]);
        Assert.False(fit.Model.ReasonMultipliers.ContainsKey(Reason.Dispute));
    }

    [Fact]
    public void Bucket_without_plans_keeps_the_fallback_hazard_and_is_reported_not_estimated()
    {
        var history = SyntheticHistory.Generate(Truth, 5_000, seed: 4).Where(r => r.Burden < 0.5).ToList();

        var fit = BehaviourFitter.Fit(history);

        var last = fit.BaseHazards[^1];
        Assert.Equal(FitStatus.NotEstimated, last.Status);
        Assert.Equal(0.10, last.Estimate);
        Assert.Null(last.StandardError);
        Assert.Equal(0.10, fit.Model.Buckets[^1].MonthlyHazard);
    }

    [Fact]
    public void Bucket_whose_plans_never_broke_has_estimate_zero_and_a_finite_upper_bound()
    {
        var history = SyntheticHistory.Generate(Truth, 5_000, seed: 5)
            .Select(r => r.Burden < 0.1 ? r with { Completed = true, InstallmentsPaid = r.Installments, BrokeInPeriod = null } : r)
            .ToList();

        var fit = BehaviourFitter.Fit(history);

        var first = fit.BaseHazards[0];
        Assert.Equal(FitStatus.NoEvents, first.Status);
        Assert.Equal(0, first.Estimate);
        Assert.InRange(first.Upper!.Value, 1e-5, 0.01);
        Assert.Equal(FitStatus.Estimated, fit.BaseHazards[1].Status);
    }

    [Fact]
    public void Custom_bucket_bounds_give_one_parameter_per_bucket()
    {
        var options = new BehaviourFitOptions { BucketFromBp = [0, 2_000, 4_000] };

        var fit = BehaviourFitter.Fit(SyntheticHistory.Generate(Truth, 5_000, seed: 6), options);

        Assert.Equal([0, 2_000, 4_000], fit.Model.Buckets.Select(b => b.BurdenFromBp));
        Assert.All(fit.BaseHazards, p => Assert.Equal(FitStatus.Estimated, p.Status));
        Assert.True(fit.BaseHazards[0].Estimate < fit.BaseHazards[1].Estimate);
        Assert.True(fit.BaseHazards[1].Estimate < fit.BaseHazards[2].Estimate);
    }
}
