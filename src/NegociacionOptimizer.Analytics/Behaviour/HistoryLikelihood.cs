using MathNet.Numerics.LinearAlgebra;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analytics.Behaviour;

/// <summary>
/// Negative log-likelihood of the cells over the log of the free parameters. With monthly hazards
/// h_m = min(0.95, base·mult) and h_gm = min(0.95, m_g·h_m), per-period log-survivals a = (12/p)·ln(1 − h_m) and
/// a_g = (12/p)·ln(1 − h_gm), a cell contributes S·a + F·ln(1 − e^a) + S_g·a_g + F_g·ln(1 − e^(a_g)) and, for each
/// break before the first installment at an unrecorded period after g grace periods, ln(1 − e^(g·a_g + a)).
/// </summary>
/// <param name="Cells">The data.</param>
/// <param name="BucketParameter">Index in θ of each bucket's log base hazard, or −1 when the value is fixed.</param>
/// <param name="ReasonParameter">Index in θ of each reason's log multiplier (by enum value), or −1 when fixed.</param>
/// <param name="BucketValue">Value of each bucket's base hazard when fixed.</param>
/// <param name="ReasonValue">Value of each reason's multiplier when fixed (by enum value).</param>
/// <param name="GraceParameter">Index in θ of log m_g, or −1 when it is fixed.</param>
/// <param name="GraceValue">m_g when fixed.</param>
internal sealed record HistoryLikelihood(
    IReadOnlyList<HistoryCell> Cells,
    int[] BucketParameter,
    int[] ReasonParameter,
    double[] BucketValue,
    double[] ReasonValue,
    int GraceParameter = -1,
    double GraceValue = FieldLimits.DefaultGraceHazardMultiplier)
{
    public double Base(int bucket, Vector<double> theta) =>
        BucketParameter[bucket] < 0 ? BucketValue[bucket] : Math.Exp(theta[BucketParameter[bucket]]);

    public double Multiplier(int reason, Vector<double> theta) =>
        ReasonParameter[reason] < 0 ? ReasonValue[reason] : Math.Exp(theta[ReasonParameter[reason]]);

    public double Grace(Vector<double> theta) => GraceParameter < 0 ? GraceValue : Math.Exp(theta[GraceParameter]);

    /// <summary>Total negative log-likelihood and its gradient with respect to θ.</summary>
    public (double Value, Vector<double> Gradient) Evaluate(Vector<double> theta)
    {
        var value = 0.0;
        var gradient = Vector<double>.Build.Dense(theta.Count);
        var mg = Grace(theta);
        foreach (var cell in Cells)
        {
            var x = Base(cell.Bucket, theta) * Multiplier((int)cell.Reason, theta);
            if (x <= 0)
            {
                continue; // only cells without breaks reach a zero hazard: they contribute ln 1 = 0
            }

            var e = cell.MonthsPerPeriod;
            var hm = Math.Min(x, BehaviourModel.MaxMonthlyHazard);
            var xg = mg * hm;
            var hg = Math.Min(xg, BehaviourModel.MaxMonthlyHazard);
            var a = e * double.LogP1(-hm);
            var ag = e * double.LogP1(-hg);

            // ℓ and its derivatives with respect to a and a_g; E(z) = e^z / (1 − e^z) = 1 / (e^(−z) − 1).
            var ell = (cell.PeriodsSurvived * a) + (cell.GracePeriodsSurvived * ag);
            var dA = (double)cell.PeriodsSurvived;
            var dAg = (double)cell.GracePeriodsSurvived;
            if (cell.InstallmentEvents > 0)
            {
                ell += cell.InstallmentEvents * LogOneMinusExp(a);
                dA -= cell.InstallmentEvents * Odds(a);
            }

            if (cell.GraceEvents > 0)
            {
                ell += cell.GraceEvents * LogOneMinusExp(ag);
                dAg -= cell.GraceEvents * Odds(ag);
            }

            foreach (var (g, count) in cell.UnknownGraceEvents)
            {
                var c = (g * ag) + a;
                ell += count * LogOneMinusExp(c);
                dA -= count * Odds(c);
                dAg -= count * g * Odds(c);
            }

            value -= ell;

            // a depends on ln x while h_m is below the cap; a_g on ln x and ln m_g while m_g·h_m is below the cap.
            var aPerLogX = x < BehaviourModel.MaxMonthlyHazard ? -e * hm / (1 - hm) : 0;
            var agPerLogMg = xg < BehaviourModel.MaxMonthlyHazard ? -e * hg / (1 - hg) : 0;
            var agPerLogX = x < BehaviourModel.MaxMonthlyHazard ? agPerLogMg : 0;
            var dLogX = -((dA * aPerLogX) + (dAg * agPerLogX));
            if (BucketParameter[cell.Bucket] is var bp and >= 0)
            {
                gradient[bp] += dLogX;
            }

            if (ReasonParameter[(int)cell.Reason] is var rp and >= 0)
            {
                gradient[rp] += dLogX;
            }

            if (GraceParameter >= 0)
            {
                gradient[GraceParameter] -= dAg * agPerLogMg;
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

    /// <summary>ln(1 − e^z) for z &lt; 0, accurate when z is near 0 (a small hazard).</summary>
    private static double LogOneMinusExp(double z) => Math.Log(-double.ExpM1(z));

    /// <summary>e^z / (1 − e^z): minus the derivative of ln(1 − e^z).</summary>
    private static double Odds(double z) => 1 / double.ExpM1(-z);
}
