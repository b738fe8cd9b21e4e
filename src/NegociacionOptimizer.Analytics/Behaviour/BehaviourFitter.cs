using System.Collections.Frozen;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>
/// Maximum-likelihood fit of SPEC §4's behaviour model to a plan history: a base monthly hazard per burden bucket, a
/// multiplier per reason (REASON_OTHER fixed at 1.0 as the reference) and the grace multiplier m_g. Each plan counts
/// the periods it survived where it survived them: a plan that broke during its grace periods broke there, not after
/// them. The log-likelihood is maximized over the log of the parameters with BFGS; standard errors and intervals come
/// from the inverse observed information (delta method on the log scale). A parameter whose plans never broke is
/// reported with its upper bound and the fitted model keeps the reference value, never the 0 the data would suggest.
/// </summary>
public static class BehaviourFitter
{
    /// <summary>Reasons whose multiplier a fitted model always lists (the ones plans are offered for).</summary>
    private static readonly Reason[] ModelReasons =
        [Reason.JobLoss, Reason.IncomeReduction, Reason.Illness, Reason.OverIndebtedness, Reason.Forgot, Reason.Other];

    /// <summary>Fits the model to <paramref name="records"/>.</summary>
    /// <exception cref="ArgumentException">The options or a record are invalid.</exception>
    /// <exception cref="InvalidOperationException">The data cannot identify the model (empty, no breaks, no REASON_OTHER
    /// reference, or a singular information matrix); the message says which.</exception>
    public static BehaviourFit Fit(IReadOnlyCollection<PlanHistoryRecord> records, BehaviourFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new BehaviourFitOptions();
        if (options.Problem() is { } optionsProblem)
        {
            throw new ArgumentException(optionsProblem, nameof(options));
        }

        Validate(records);
        var cells = HistoryCell.Aggregate(records, options.BucketFromBp);
        var eventCount = cells.Sum(c => c.Events);
        if (eventCount == 0)
        {
            throw new InvalidOperationException("No plan in the history broke: the hazards cannot be estimated.");
        }

        if (!cells.Any(c => c.Reason == Reason.Other && c.Events > 0))
        {
            throw new InvalidOperationException(
                "The history has no broken plan with reason OTHER, the reference whose multiplier is 1.0: base hazards " +
                "and reason multipliers cannot be told apart.");
        }

        var likelihood = BuildLikelihood(cells, options);
        var theta = Maximize(likelihood, cells);
        var (nll, _) = likelihood.Evaluate(theta);
        var covariance = Covariance(likelihood, theta);
        var z = Normal.InvCDF(0, 1, 0.5 + options.ConfidenceLevel / 2);

        var buckets = Enumerable.Range(0, options.BucketFromBp.Count)
            .Select(b => BucketParameter(b, likelihood, theta, covariance, z, cells, options)).ToList();
        var reasons = Enum.GetValues<Reason>()
            .Select(r => ReasonParameter(r, likelihood, theta, covariance, z, cells, options.ConfidenceLevel)).ToList();
        var grace = GraceParameter(likelihood, theta, covariance, z, cells, options.ConfidenceLevel);
        return new BehaviourFit(buckets, reasons, grace, -nll, records.Count, eventCount, options.ConfidenceLevel, ToModel(buckets, reasons, grace));
    }

    private static void Validate(IReadOnlyCollection<PlanHistoryRecord> records)
    {
        if (records.Count == 0)
        {
            throw new InvalidOperationException("The history is empty: there is nothing to fit.");
        }

        var problems = records.Select((r, i) => (i, r.Problem())).Where(p => p.Item2 is not null).Take(5).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid history: " + string.Join("; ", problems.Select(p => $"record {p.i + 1}: {p.Item2}")), nameof(records));
        }
    }

    /// <summary>
    /// Frees the log of every parameter with breaks; fixes the others (no breaks → 0, the maximum-likelihood value; no
    /// plans → fallback, or 1.0 for a multiplier).
    /// </summary>
    private static HistoryLikelihood BuildLikelihood(List<HistoryCell> cells, BehaviourFitOptions options)
    {
        var next = 0;
        var bucketCount = options.BucketFromBp.Count;
        var bucketParameter = new int[bucketCount];
        var bucketValue = new double[bucketCount];
        for (var b = 0; b < bucketCount; b++)
        {
            var events = cells.Where(c => c.Bucket == b).Sum(c => c.Events);
            bucketParameter[b] = events > 0 ? next++ : -1;
            bucketValue[b] = cells.Any(c => c.Bucket == b) ? 0 : FallbackHazard(options.Fallback, options.BucketFromBp[b]);
        }

        var reasonCount = Enum.GetValues<Reason>().Max(r => (int)r) + 1;
        var reasonParameter = Enumerable.Repeat(-1, reasonCount).ToArray();
        var reasonValue = new double[reasonCount];
        foreach (var r in Enum.GetValues<Reason>())
        {
            var events = cells.Where(c => c.Reason == r).Sum(c => c.Events);
            var observed = cells.Any(c => c.Reason == r);
            reasonParameter[(int)r] = r != Reason.Other && events > 0 ? next++ : -1;
            reasonValue[(int)r] = r == Reason.Other || !observed ? 1.0 : 0.0;
        }

        var graceRecords = cells.Sum(c => c.GraceRecords);
        var graceEvents = cells.Sum(c => c.GraceInformedEvents);
        var graceParameter = graceEvents > 0 ? next : -1;
        var graceValue = graceRecords == 0 ? FieldLimits.DefaultGraceHazardMultiplier : 0;
        return new HistoryLikelihood(cells, bucketParameter, reasonParameter, bucketValue, reasonValue, graceParameter, graceValue);
    }

    /// <summary>BFGS from crude rates (breaks per month at risk), on the mean negative log-likelihood.</summary>
    private static Vector<double> Maximize(HistoryLikelihood likelihood, List<HistoryCell> cells)
    {
        var n = likelihood.BucketParameter.Count(p => p >= 0) + likelihood.ReasonParameter.Count(p => p >= 0)
            + (likelihood.GraceParameter >= 0 ? 1 : 0);
        var start = Vector<double>.Build.Dense(n); // m_g starts at 1.0 (log 0)
        var reference = CrudeRate(cells.Where(c => c.Reason == Reason.Other));
        for (var b = 0; b < likelihood.BucketParameter.Length; b++)
        {
            if (likelihood.BucketParameter[b] >= 0)
            {
                start[likelihood.BucketParameter[b]] = Math.Log(CrudeRate(cells.Where(c => c.Bucket == b)));
            }
        }

        foreach (var r in Enum.GetValues<Reason>())
        {
            if (likelihood.ReasonParameter[(int)r] >= 0)
            {
                var ratio = reference > 0 ? CrudeRate(cells.Where(c => c.Reason == r)) / reference : 1.0;
                start[likelihood.ReasonParameter[(int)r]] = Math.Log(ratio);
            }
        }

        var total = cells.Sum(c => c.Records);
        var objective = ObjectiveFunction.Gradient(theta =>
        {
            var (value, gradient) = likelihood.Evaluate(theta);
            return (value / total, gradient / total);
        });
        try
        {
            return new BfgsMinimizer(1e-9, 1e-10, 1e-14, 2_000).FindMinimum(objective, start).MinimizingPoint;
        }
        catch (OptimizationException e)
        {
            throw new InvalidOperationException($"The likelihood could not be maximized: {e.Message}", e);
        }
    }

    private static double CrudeRate(IEnumerable<HistoryCell> cells)
    {
        var list = cells.ToList();
        var exposure = list.Sum(c => c.ExposureMonths);
        var events = list.Sum(c => c.Events);
        return exposure > 0 && events > 0 ? Math.Min(0.9, events / exposure) : 1e-4;
    }

    /// <summary>Inverse observed information; a clear error when it is singular (a parameter the data cannot pin down).</summary>
    private static Matrix<double> Covariance(HistoryLikelihood likelihood, Vector<double> theta)
    {
        if (theta.Count == 0)
        {
            return Matrix<double>.Build.Dense(0, 0);
        }

        const string singular =
            "The information matrix is singular: some hazards or multipliers are not identified by this history " +
            "(too few plans or breaks in a bucket or reason, a reason seen in one bucket only, or a monthly hazard at the 0.95 cap).";
        var information = likelihood.Information(theta);
        if (!information.Enumerate().All(double.IsFinite))
        {
            throw new InvalidOperationException(singular);
        }

        Matrix<double> covariance;
        try
        {
            covariance = information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(theta.Count));
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(singular); // MathNet's Cholesky rejects a matrix that is not positive definite
        }

        if (covariance.Diagonal().Any(v => !double.IsFinite(v) || v <= 0))
        {
            throw new InvalidOperationException(singular);
        }

        return covariance;
    }

    private static FittedParameter BucketParameter(
        int b, HistoryLikelihood likelihood, Vector<double> theta, Matrix<double> covariance, double z,
        List<HistoryCell> cells, BehaviourFitOptions options)
    {
        var mine = cells.Where(c => c.Bucket == b).ToList();
        var (records, events, exposure) = (mine.Sum(c => c.Records), mine.Sum(c => c.Events), mine.Sum(c => c.ExposureMonths));
        var from = options.BucketFromBp[b];
        var reference = FallbackHazard(options.Fallback, from);
        if (records == 0)
        {
            return new(from, null, FitStatus.NotEstimated, reference, null, null, null, 0, 0, 0, reference);
        }

        if (events == 0)
        {
            var mg = likelihood.Grace(theta);
            var upper = ZeroEventUpperBound(
                mine.Select(c => (c, likelihood.Multiplier((int)c.Reason, theta), mg)), options.ConfidenceLevel);
            return new(from, null, FitStatus.NoEvents, 0, null, 0, upper, records, events, exposure, reference);
        }

        var estimated = Estimated(from, null, likelihood.BucketParameter[b], theta, covariance, z, records, events, exposure);
        return estimated with { ModelValue = Math.Min(BehaviourModel.MaxMonthlyHazard, estimated.Estimate) };
    }

    private static FittedParameter ReasonParameter(
        Reason r, HistoryLikelihood likelihood, Vector<double> theta, Matrix<double> covariance, double z,
        List<HistoryCell> cells, double level)
    {
        var mine = cells.Where(c => c.Reason == r).ToList();
        var (records, events, exposure) = (mine.Sum(c => c.Records), mine.Sum(c => c.Events), mine.Sum(c => c.ExposureMonths));
        if (r == Reason.Other)
        {
            return new(null, r, FitStatus.Fixed, 1.0, null, null, null, records, events, exposure, 1.0);
        }

        if (records == 0)
        {
            return new(null, r, FitStatus.NotEstimated, 1.0, null, null, null, 0, 0, 0, 1.0);
        }

        if (events == 0)
        {
            var mg = likelihood.Grace(theta);
            var upper = ZeroEventUpperBound(mine.Select(c => (c, likelihood.Base(c.Bucket, theta), mg)), level);
            return new(null, r, FitStatus.NoEvents, 0, null, 0, upper, records, events, exposure, 1.0);
        }

        var estimated = Estimated(null, r, likelihood.ReasonParameter[(int)r], theta, covariance, z, records, events, exposure);
        return estimated with { ModelValue = ClampMultiplier(estimated.Estimate) };
    }

    /// <summary>m_g from the plans with grace periods: 1.0 when there are none, the reference 1.0 when none broke in grace.</summary>
    private static FittedParameter GraceParameter(
        HistoryLikelihood likelihood, Vector<double> theta, Matrix<double> covariance, double z, List<HistoryCell> cells, double level)
    {
        var mine = cells.Where(c => c.GraceRecords > 0).ToList();
        var records = mine.Sum(c => c.GraceRecords);
        var events = mine.Sum(c => c.GraceInformedEvents);
        var exposure = mine.Sum(c => c.GracePeriodsSurvived * c.MonthsPerPeriod);
        const double reference = FieldLimits.DefaultGraceHazardMultiplier;
        if (records == 0)
        {
            return new(null, null, FitStatus.NotEstimated, reference, null, null, null, 0, 0, 0, reference);
        }

        if (events == 0)
        {
            var upper = ZeroEventUpperBound(
                mine.Select(c => (c, Math.Min(BehaviourModel.MaxMonthlyHazard, likelihood.Base(c.Bucket, theta) * likelihood.Multiplier((int)c.Reason, theta)), 1.0)),
                level,
                grace: true);
            return new(null, null, FitStatus.NoEvents, 0, null, 0, upper, records, events, exposure, reference);
        }

        var estimated = Estimated(null, null, likelihood.GraceParameter, theta, covariance, z, records, events, exposure);
        return estimated with { ModelValue = ClampMultiplier(estimated.Estimate) };
    }

    private static double ClampMultiplier(double value) => Math.Clamp(value, FieldLimits.ReasonMultiplier.Min, FieldLimits.ReasonMultiplier.Max);

    private static FittedParameter Estimated(
        int? from, Reason? reason, int index, Vector<double> theta, Matrix<double> covariance, double z,
        int records, int events, double exposure)
    {
        var estimate = Math.Exp(theta[index]);
        var logSe = Math.Sqrt(covariance[index, index]);
        return new(from, reason, FitStatus.Estimated, estimate, estimate * logSe,
            Math.Exp(theta[index] - z * logSe), Math.Exp(theta[index] + z * logSe), records, events, exposure, estimate);
    }

    /// <summary>
    /// One-sided upper bound x for a parameter whose plans never broke: the value at which seeing no break has
    /// probability 1 − level. Each cell's monthly hazard is min(0.95, x·other) in its installment periods and
    /// min(0.95, m_g·min(0.95, x·other)) in its grace periods; with <paramref name="grace"/>, x is m_g itself and the
    /// cells carry only grace periods, with h_m as "other".
    /// </summary>
    private static double ZeroEventUpperBound(IEnumerable<(HistoryCell Cell, double Other, double Grace)> cells, double level, bool grace = false)
    {
        var list = cells.Where(c => c.Other > 0).ToList();
        if (list.Count == 0)
        {
            return double.PositiveInfinity;
        }

        static double Capped(double hazard) => Math.Min(BehaviourModel.MaxMonthlyHazard, hazard);

        double LogSurvival(double x) => list.Sum(c =>
        {
            var hm = grace ? 0 : Capped(x * c.Other);
            var hg = grace ? Capped(x * c.Other) : Capped(c.Grace * hm);
            return c.Cell.MonthsPerPeriod * ((c.Cell.PeriodsSurvived * double.LogP1(-hm)) + (c.Cell.GracePeriodsSurvived * double.LogP1(-hg)));
        });

        var target = Math.Log(1 - level);
        var top = BehaviourModel.MaxMonthlyHazard / list.Min(c => c.Other);
        return LogSurvival(top) > target
            ? top
            : MathNet.Numerics.RootFinding.Brent.FindRoot(x => LogSurvival(x) - target, 0, top, 1e-12, 200);
    }

    private static double FallbackHazard(BehaviourModel fallback, int burdenFromBp) =>
        fallback.Buckets.Last(b => b.BurdenFromBp <= burdenFromBp).MonthlyHazard;

    private static BehaviourModel ToModel(List<FittedParameter> buckets, List<FittedParameter> reasons, FittedParameter grace)
    {
        var hazards = buckets.Select(b => new HazardBucket(b.BurdenFromBp!.Value, b.ModelValue)).ToList();
        var multipliers = reasons
            .Where(r => r.Status != FitStatus.NotEstimated || ModelReasons.Contains(r.Reason!.Value))
            .ToFrozenDictionary(r => r.Reason!.Value, r => r.ModelValue);
        return new BehaviourModel(hazards, multipliers) { GraceHazardMultiplier = grace.ModelValue };
    }
}
