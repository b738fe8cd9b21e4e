using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>Every figure of one plan (SPEC §3–§4) and the rules it breaks.</summary>
public sealed record PlanEvaluation
{
    /// <summary>(D, Q, f, n, g).</summary>
    public required PlanTerms Terms { get; init; }

    /// <summary>Q by component.</summary>
    public required DiscountSplit Discount { get; init; }

    /// <summary>F = B − Q − D, minor units.</summary>
    public required long FinancedMinor { get; init; }

    /// <summary>A, the regular installment, minor units (0 for a settlement).</summary>
    public required long InstallmentMinor { get; init; }

    /// <summary>The last installment, minor units (0 for a settlement).</summary>
    public required long LastInstallmentMinor { get; init; }

    /// <summary>The dated schedule (empty for a settlement or a plan the rounding makes impossible).</summary>
    public required IReadOnlyList<ScheduledPayment> Schedule { get; init; }

    /// <summary>D + Σ A_k, minor units.</summary>
    public required long TotalToPayMinor { get; init; }

    /// <summary>Σ interest parts, minor units.</summary>
    public required long TotalInterestMinor { get; init; }

    /// <summary>TNA, bp.</summary>
    public required int NominalRateBp { get; init; }

    /// <summary>CFT ρ, fraction a year (computed when asked for; 0 for a settlement).</summary>
    public required double EffectiveAnnualCost { get; init; }

    /// <summary>A·p/12, minor units (fractional).</summary>
    public required double MonthlyEquivalentMinor { get; init; }

    /// <summary>A·p/12 / I (0 for a settlement).</summary>
    public required double Burden { get; init; }

    /// <summary>S_n (1 for a settlement).</summary>
    public required double CompletionProbability { get; init; }

    /// <summary>E[NPV] to the company, minor units.</summary>
    public required double ExpectedNpvMinor { get; init; }

    /// <summary>U_c = E[NPV] − α·B, minor units.</summary>
    public required double CompanyValueMinor { get; init; }

    /// <summary>U_d = B − PV_δ(D, A_1..A_n), minor units.</summary>
    public required double PersonValueMinor { get; init; }

    /// <summary>N = U_c^w · U_d^(1−w) when U_c &gt; 0 and U_d ≥ 0, otherwise 0.</summary>
    public required double Score { get; init; }

    /// <summary>E[NPV] / B.</summary>
    public required double RecoveryRatio { get; init; }

    /// <summary>Rules the plan breaks; empty for a feasible plan.</summary>
    public required IReadOnlyList<Violation> Violations { get; init; }

    /// <summary>True when the plan meets every rule (and so is mutually beneficial).</summary>
    public bool IsFeasible => Violations.Count == 0;

    /// <summary>The plan's frequency.</summary>
    public Frequency Frequency => Terms.Frequency;
}
