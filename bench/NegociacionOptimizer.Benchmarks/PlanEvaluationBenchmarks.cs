using BenchmarkDotNet.Attributes;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Domain.Valuation;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>
/// One plan evaluated as the offer shows it (detail: schedule + CFT + value) and as the search sees it (no schedule list,
/// no CFT root, usury check in one pass), for a 12-monthly and a 104-weekly plan; plus the CFT root and the installment
/// alone. The context's per-structure constants are warmed in setup, as they are during a search.
/// </summary>
[MemoryDiagnoser]
public class PlanEvaluationBenchmarks
{
    private const int InstallmentCalls = 64;
    private NegotiationContext _context = null!;
    private PlanTerms _monthly;
    private PlanTerms _weekly;
    private StructureProfile _monthlyProfile = null!;
    private long[] _monthlyAmounts = [];
    private int[] _monthlyDays = [];
    private long _financed;

    /// <summary>ARS account of 1,500,000.00 with interest and fees, default policy, 36 % TNA.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var account = new Account("bench", Currency.FromCode("ARS"), 120_000_000, 20_000_000, 10_000_000, 100, new DateOnly(2026, 3, 2));
        var inquiry = new Inquiry(400_000_000, 100_000_000, 20_000_000, null, 10_000_000, Frequency.Weekly, PayDay.OfMonth(10), Reason.IncomeReduction);
        var policy = Policy.Create(PolicyDefaults.Draft(Currency.FromCode("ARS")) with
        {
            NominalAnnualRate = [new RateTier(120, 3_600)],
            MaxEffectiveAnnualRateBp = 10_000,
        });
        _context = new NegotiationContext(account, inquiry, policy, new WeekendsOnlyCalendar());
        _monthly = new PlanTerms(10_000_000, 5_000_000, Frequency.Monthly, 12, 0);
        _weekly = new PlanTerms(10_000_000, 5_000_000, Frequency.Weekly, 104, 0);
        _financed = _context.BalanceMinor - 15_000_000;

        var evaluation = PlanEvaluator.Evaluate(_context, _monthly);
        _ = PlanEvaluator.Evaluate(_context, _weekly);
        _monthlyProfile = _context.Profile(_monthly.Structure);
        _monthlyAmounts = [.. evaluation.Schedule.Select(r => r.AmountMinor)];
        _monthlyDays = [.. evaluation.Schedule.Select(r => r.DaysFromAsOf)];
    }

    /// <summary>12 monthly installments, everything an offer shows.</summary>
    [Benchmark(Baseline = true)]
    public PlanEvaluation Monthly12Detail() => PlanEvaluator.Evaluate(_context, _monthly);

    /// <summary>12 monthly installments, search path.</summary>
    [Benchmark]
    public PlanEvaluation Monthly12Search() => PlanEvaluator.Evaluate(_context, _monthly, detail: false);

    /// <summary>104 weekly installments, everything an offer shows.</summary>
    [Benchmark]
    public PlanEvaluation Weekly104Detail() => PlanEvaluator.Evaluate(_context, _weekly);

    /// <summary>104 weekly installments, search path.</summary>
    [Benchmark]
    public PlanEvaluation Weekly104Search() => PlanEvaluator.Evaluate(_context, _weekly, detail: false);

    /// <summary>The CFT root of the 12-monthly plan alone.</summary>
    [Benchmark]
    public double CftSolveMonthly12() => EffectiveAnnualCost.Solve(_financed, _monthlyAmounts, _monthlyDays);

    /// <summary>The rounded installment of the 12-monthly plan alone, over 64 financed amounts (one call is below the timer's resolution).</summary>
    [Benchmark(OperationsPerInvoke = InstallmentCalls)]
    public long InstallmentMonthly12()
    {
        long sum = 0;
        for (var k = 0; k < InstallmentCalls; k++)
        {
            sum += Amortization.Installment(_financed - (k * 10_000), _monthlyProfile, 100);
        }

        return sum;
    }
}
