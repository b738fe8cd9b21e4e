using MathNet.Numerics.LinearAlgebra;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Behaviour;

/// <summary>
/// Negative log-likelihood of the cells over the log of the free parameters. A cell with S periods survived in total,
/// F breaks and monthly hazard h_m = min(0.95, base·mult) contributes S·(12/p)·ln(1 − h_m) + F·ln(1 − (1 − h_m)^(12/p)).
/// </summary>
/// <param name="Cells">The data.</param>
/// <param name="BucketParameter">Index in θ of each bucket's log base hazard, or −1 when the value is fixed.</param>
/// <param name="ReasonParameter">Index in θ of each reason's log multiplier (by enum value), or −1 when fixed.</param>
/// <param name="BucketValue">Value of each bucket's base hazard when fixed.</param>
/// <param name="ReasonValue">Value of each reason's multiplier when fixed (by enum value).</param>
internal sealed record HistoryLikelihood(
    IReadOnlyList<HistoryCell> Cells,
    int[] BucketParameter,
    int[] ReasonParameter,
    double[] BucketValue,
    double[] ReasonValue)
{
    public double Base(int bucket, Vector<double> theta) =>
        BucketParameter[bucket] < 0 ? BucketValue[bucket] : Math.Exp(theta[BucketParameter[bucket]]);

    public double Multiplier(int reason, Vector<double> theta) =>
        ReasonParameter[reason] < 0 ? ReasonValue[reason] : Math.Exp(theta[ReasonParameter[reason]]);

    /// <summary>Total negative log-likelihood and its gradient with respect to θ.</summary>
    public (double Value, Vector<double> Gradient) Evaluate(Vector<double> theta)
    {
        var value = 0.0;
        var gradient = Vector<double>.Build.Dense(theta.Count);
        foreach (var cell in Cells)
        {
            var hm = Base(cell.Bucket, theta) * Multiplier((int)cell.Reason, theta);
            if (hm <= 0)
            {
                continue; // only cells without breaks reach a zero hazard: they contribute ln 1 = 0
            }

            var capped = hm >= BehaviourModel.MaxMonthlyHazard;
            hm = Math.Min(hm, BehaviourModel.MaxMonthlyHazard);
            var e = cell.MonthsPerPeriod;
            var logSurvivePeriod = e * double.LogP1(-hm);          // ln (1 − h)
            var logFailPeriod = Math.Log(-double.ExpM1(logSurvivePeriod)); // ln h, accurate for small h
            value -= cell.PeriodsSurvived * logSurvivePeriod + cell.Events * logFailPeriod;
            if (capped)
            {
                continue;
            }

            // d/d ln θ of the cell's log-likelihood: h_m · ∂ℓ/∂h_m, the same for its bucket's and its reason's parameter.
            var survivePeriod = Math.Exp(logSurvivePeriod);
            var dh = -cell.PeriodsSurvived * e / (1 - hm) + cell.Events * e * survivePeriod / (1 - hm) / Math.Exp(logFailPeriod);
            var dTheta = -hm * dh;
            if (BucketParameter[cell.Bucket] is var bp and >= 0)
            {
                gradient[bp] += dTheta;
            }

            if (ReasonParameter[(int)cell.Reason] is var rp and >= 0)
            {
                gradient[rp] += dTheta;
            }
        }

        return (value, gradient);
    }

    /// <summary>Observed information: the numerical Hessian of the negative log-likelihood (central differences of the gradient).</summary>
    public Matrix<double> Information(Vector<double> theta)
    {
        const double step = 1e-5;
        var n = theta.Count;
        var hessian = Matrix<double>.Build.Dense(n, n);
        for (var j = 0; j < n; j++)
        {
            var up = theta.Clone();
            var down = theta.Clone();
            up[j] += step;
            down[j] -= step;
            var column = (Evaluate(up).Gradient - Evaluate(down).Gradient) / (2 * step);
            hessian.SetColumn(j, column);
        }

        return (hessian + hessian.Transpose()) / 2;
    }
}
