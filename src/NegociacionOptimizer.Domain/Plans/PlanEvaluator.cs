using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Valuation;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// Evaluates one plan exactly as SPEC §3–§4 define it: discount split, schedule, CFT, behaviour model, value to each
/// side, mutual-benefit score and every rule the plan breaks. The optimizer's answers and the exhaustive reference
/// both come from here, so whatever a response shows is what this computes.
/// </summary>
public static class PlanEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="terms"/>. With <paramref name="detail"/> false the schedule list and the CFT root are
    /// skipped (the usury check still runs, in one pass), which is what an exhaustive search wants.
    /// </summary>
    public static PlanEvaluation Evaluate(NegotiationContext context, PlanTerms terms, bool detail = true)
    {
        var policy = context.Policy;
        var b = context.BalanceMinor;
        var d = terms.DownPaymentMinor;
        var q = terms.DiscountMinor;
        var n = terms.Installments;
        var f = terms.Frequency;
        var violations = new List<Violation>(0);
        var financed = b - q - d;

        if (!terms.IsSettlement)
        {
            if (!context.Frequencies.Contains(f))
            {
                violations.Add(new(RuleCode.Frequency, f.PeriodsPerYear(), context.Inquiry.IncomeFrequency.PeriodsPerYear(), FigureUnit.Periods));
            }

            if (n > policy.MaxInstallments(f))
            {
                violations.Add(new(RuleCode.Term, n, policy.MaxInstallments(f), FigureUnit.Installments));
            }

            if (terms.GracePeriods > policy.MaxGracePeriods)
            {
                violations.Add(new(RuleCode.Grace, terms.GracePeriods, policy.MaxGracePeriods, FigureUnit.Periods));
            }
        }

        if (d > context.Inquiry.LumpSumMinor)
        {
            violations.Add(new(RuleCode.LumpSum, d, context.Inquiry.LumpSumMinor, FigureUnit.Minor));
        }

        var maxDiscount = context.MaxDiscountMinor(n);
        if (q > maxDiscount)
        {
            violations.Add(new(RuleCode.DiscountLimit, q, maxDiscount, FigureUnit.Minor));
        }

        if (terms.IsSettlement)
        {
            if (financed != 0)
            {
                violations.Add(new(RuleCode.SettlementAmount, d, b - q, FigureUnit.Minor));
            }

            return Settlement(context, terms, violations);
        }

        var minDown = MinDownPaymentMinor(context, q);
        if (d < minDown)
        {
            violations.Add(new(RuleCode.MinDownPayment, d, minDown, FigureUnit.Minor));
        }

        if (financed <= 0)
        {
            violations.Add(new(RuleCode.NothingFinanced, financed, 1, FigureUnit.Minor));
            return Empty(context, terms, violations);
        }

        var profile = context.Profile(terms.Structure);
        if (profile.RangeViolation(b) is { } outOfRange)
        {
            violations.Add(outOfRange);
            return Empty(context, terms, violations);
        }

        var p = profile.PeriodsPerYear;
        var installment = Amortization.Installment(financed, profile, policy.RoundingUnitMinor);
        CheckCapacity(context, installment, p, violations);
        if (n >= 2 && installment < policy.MinInstallmentMinor)
        {
            violations.Add(new(RuleCode.MinInstallment, installment, policy.MinInstallmentMinor, FigureUnit.Minor));
        }

        var amounts = new long[n];
        var interest = new long[n];
        if (!Amortization.Fill(financed, installment, profile.NominalRateBp, p, amounts, interest))
        {
            violations.Add(new(RuleCode.Rounding, installment, financed, FigureUnit.Minor));
            return Empty(context, terms, violations, installment);
        }

        var cap = new BasisPoints(policy.MaxEffectiveAnnualRateBp).Fraction;
        double cft = 0;
        if (!EffectiveAnnualCost.IsWithin(cap, financed, amounts, profile.Days))
        {
            cft = EffectiveAnnualCost.Solve(financed, amounts, profile.Days);
            violations.Add(new(RuleCode.UsuryCap, (long)Math.Round(Math.Min(cft, EffectiveAnnualCost.MaxBracketedRate) * BasisPoints.Whole), policy.MaxEffectiveAnnualRateBp, FigureUnit.BasisPoints));
        }
        else if (detail)
        {
            cft = EffectiveAnnualCost.Solve(financed, amounts, profile.Days);
        }

        var bucket = policy.Behaviour.BucketIndex(installment, p, context.DisposableIncome);
        var survival = profile.Survival(bucket);
        var alpha = context.Alpha;
        var npv = (double)d;
        var personValue = (double)(b - d);
        long paid = 0;
        long totalInterest = 0;
        for (var k = 0; k < n; k++)
        {
            var owed = b - d - paid;
            npv += profile.CompanyDiscount[k] * ((survival[k + 1] * amounts[k]) + ((survival[k] - survival[k + 1]) * alpha * owed));
            personValue -= profile.PersonDiscount[k] * amounts[k];
            paid += amounts[k];
            totalInterest += interest[k];
        }

        var companyValue = npv - (alpha * b);
        AddValueViolations(companyValue, personValue, violations);
        var monthly = installment * (double)p / 12;
        return new PlanEvaluation
        {
            Terms = terms,
            Discount = context.SplitDiscount(q),
            FinancedMinor = financed,
            InstallmentMinor = installment,
            LastInstallmentMinor = amounts[^1],
            Schedule = detail ? BuildSchedule(profile, financed, amounts, interest) : [],
            TotalToPayMinor = d + paid,
            TotalInterestMinor = totalInterest,
            NominalRateBp = profile.NominalRateBp,
            EffectiveAnnualCost = cft,
            MonthlyEquivalentMinor = monthly,
            Burden = context.DisposableIncome.BurdenOf(monthly),
            CompletionProbability = survival[n],
            ExpectedNpvMinor = npv,
            CompanyValueMinor = companyValue,
            PersonValueMinor = personValue,
            Score = Score(companyValue, personValue, context.CompanyWeight),
            RecoveryRatio = npv / b,
            Violations = violations,
        };
    }

    /// <summary>N = U_c^w · U_d^(1−w) for a mutually beneficial pair (U_c &gt; 0, U_d ≥ 0), otherwise 0.</summary>
    public static double Score(double companyValue, double personValue, double companyWeight) =>
        companyValue > 0 && personValue >= 0
            ? Math.Pow(companyValue, companyWeight) * Math.Pow(personValue, 1 - companyWeight)
            : 0;

    /// <summary>⌈min_down_payment · (B − Q)⌉: the smallest down payment of a plan with discount <paramref name="discountMinor"/>.</summary>
    public static long MinDownPaymentMinor(NegotiationContext context, long discountMinor)
    {
        var due = (Int128)(context.BalanceMinor - discountMinor) * context.Policy.MinDownPaymentBp;
        return (long)((due + BasisPoints.Whole - 1) / BasisPoints.Whole);
    }

    private static void CheckCapacity(NegotiationContext context, long installment, int p, List<Violation> violations)
    {
        var yearly = (Int128)installment * p;
        var monthly = (long)Math.Round(installment * (double)p / 12, MidpointRounding.AwayFromZero);
        if (yearly > (Int128)context.BurdenCapacityMinor * 12)
        {
            violations.Add(new(RuleCode.Burden, monthly, context.BurdenCapacityMinor, FigureUnit.Minor));
        }

        if (context.Inquiry.StatedMonthlyCapacityMinor is { } stated && yearly > (Int128)stated * 12)
        {
            violations.Add(new(RuleCode.StatedCapacity, monthly, stated, FigureUnit.Minor));
        }
    }

    private static void AddValueViolations(double companyValue, double personValue, List<Violation> violations)
    {
        if (companyValue <= 0)
        {
            violations.Add(new(RuleCode.CompanyValue, MinorUnits.RoundValuation(companyValue), 0, FigureUnit.Minor));
        }

        if (personValue < 0)
        {
            violations.Add(new(RuleCode.PersonValue, MinorUnits.RoundValuation(personValue), 0, FigureUnit.Minor));
        }
    }

    private static PlanEvaluation Settlement(NegotiationContext context, PlanTerms terms, List<Violation> violations)
    {
        var b = context.BalanceMinor;
        var d = terms.DownPaymentMinor;
        var companyValue = d - (context.Alpha * b);
        double personValue = b - d;
        AddValueViolations(companyValue, personValue, violations);
        return new PlanEvaluation
        {
            Terms = terms,
            Discount = context.SplitDiscount(terms.DiscountMinor),
            FinancedMinor = 0,
            InstallmentMinor = 0,
            LastInstallmentMinor = 0,
            Schedule = [],
            TotalToPayMinor = d,
            TotalInterestMinor = 0,
            NominalRateBp = 0,
            EffectiveAnnualCost = 0,
            MonthlyEquivalentMinor = 0,
            Burden = 0,
            CompletionProbability = 1,
            ExpectedNpvMinor = d,
            CompanyValueMinor = companyValue,
            PersonValueMinor = personValue,
            Score = Score(companyValue, personValue, context.CompanyWeight),
            RecoveryRatio = (double)d / b,
            Violations = violations,
        };
    }

    /// <summary>A plan without a schedule (nothing financed, dates past the calendar, or an installment that repays early),
    /// keeping its installment when one was computed, so a proposal's distance to it is measured.</summary>
    private static PlanEvaluation Empty(NegotiationContext context, PlanTerms terms, List<Violation> violations, long installmentMinor = 0) => new()
    {
        Terms = terms,
        Discount = context.SplitDiscount(terms.DiscountMinor),
        FinancedMinor = context.BalanceMinor - terms.DiscountMinor - terms.DownPaymentMinor,
        InstallmentMinor = installmentMinor,
        LastInstallmentMinor = 0,
        Schedule = [],
        TotalToPayMinor = 0,
        TotalInterestMinor = 0,
        NominalRateBp = 0,
        EffectiveAnnualCost = 0,
        MonthlyEquivalentMinor = 0,
        Burden = 0,
        CompletionProbability = 0,
        ExpectedNpvMinor = 0,
        CompanyValueMinor = 0,
        PersonValueMinor = 0,
        Score = 0,
        RecoveryRatio = 0,
        Violations = violations,
    };

    private static ScheduledPayment[] BuildSchedule(StructureProfile profile, long financed, long[] amounts, long[] interest)
    {
        var rows = new ScheduledPayment[amounts.Length];
        var balance = financed;
        for (var k = 0; k < amounts.Length; k++)
        {
            var principal = amounts[k] - interest[k];
            balance -= principal;
            rows[k] = new ScheduledPayment(k + 1, profile.DueDates[k], profile.Days[k], amounts[k], interest[k], principal, balance);
        }

        return rows;
    }
}
