using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Tests.Reference;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>
/// What the score search's ray exclusion (OfferModel.ExcludeRay) rests on: on a line of one structure and equal D + Q the
/// installments and the burden bucket are fixed, so U_c and U_d are affine in D and N is concave along it.
/// </summary>
public class LineConcavityTests
{
    [Fact]
    public void Along_a_line_of_equal_down_payment_plus_discount_the_values_are_affine_and_N_is_concave_in_the_down_payment()
    {
        var lines = 0;
        for (var seed = 1; seed <= 120; seed++)
        {
            var context = InstanceGenerator.Create(seed);
            var step = context.Policy.AmountStepMinor;
            var b = context.BalanceMinor;
            foreach (var f in context.Frequencies)
            {
                for (var n = 1; n <= context.Policy.MaxInstallments(f); n += 5)
                {
                    var e = Math.Max(2, (b / step) / 2);
                    var line = new List<PlanEvaluation>();
                    for (long d = 0; d <= e && d * step < b; d++)
                    {
                        line.Add(PlanEvaluator.Evaluate(context, new PlanTerms(d * step, (e - d) * step, f, n, n % (context.Policy.MaxGracePeriods + 1)), detail: false));
                    }

                    lines++;
                    for (var i = 1; i + 1 < line.Count; i++)
                    {
                        var (before, at, after) = (line[i - 1], line[i], line[i + 1]);
                        var scale = Math.Max(1, Math.Abs(at.CompanyValueMinor) + Math.Abs(at.PersonValueMinor)) * 1e-9;
                        Assert.True(Math.Abs(before.CompanyValueMinor + after.CompanyValueMinor - (2 * at.CompanyValueMinor)) <= scale, $"seed {seed}: U_c not affine at d = {i}");
                        Assert.True(Math.Abs(before.PersonValueMinor + after.PersonValueMinor - (2 * at.PersonValueMinor)) <= scale, $"seed {seed}: U_d not affine at d = {i}");
                        if (before.Score > 0 && at.Score > 0 && after.Score > 0)
                        {
                            Assert.True(2 * at.Score >= before.Score + after.Score - (at.Score * 1e-9), $"seed {seed}: N not concave at d = {i}");
                        }
                    }
                }
            }
        }

        Assert.True(lines > 100, $"{lines} lines checked");
    }
}
