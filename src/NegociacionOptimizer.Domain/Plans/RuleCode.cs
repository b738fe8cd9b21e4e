namespace NegociacionOptimizer.Domain.Plans;

/// <summary>The rules of SPEC §3 a plan must meet.</summary>
public enum RuleCode
{
    /// <summary>The frequency is not offered by the policy or is more frequent than the person is paid.</summary>
    Frequency,
    /// <summary>n &gt; max_term_months·p/12.</summary>
    Term,
    /// <summary>g &gt; max_grace_periods.</summary>
    Grace,
    /// <summary>D &gt; lump sum available.</summary>
    LumpSum,
    /// <summary>D &lt; min_down_payment · (B − Q).</summary>
    MinDownPayment,
    /// <summary>Q above the fees + interest + principal-tier limits for this n.</summary>
    DiscountLimit,
    /// <summary>A settlement must pay D = B − Q.</summary>
    SettlementAmount,
    /// <summary>A plan must finance a positive amount (D + Q &lt; B).</summary>
    NothingFinanced,
    /// <summary>A·p/12 &gt; max_burden · I.</summary>
    Burden,
    /// <summary>A·p/12 &gt; stated monthly capacity.</summary>
    StatedCapacity,
    /// <summary>A &lt; min_installment (every installment but the last).</summary>
    MinInstallment,
    /// <summary>The rounded installment repays the balance before installment n.</summary>
    Rounding,
    /// <summary>CFT &gt; max_effective_annual_rate.</summary>
    UsuryCap,
    /// <summary>U_c ≤ 0: below what the company recovers without an agreement.</summary>
    CompanyValue,
    /// <summary>U_d &lt; 0: the plan costs the person more than the balance.</summary>
    PersonValue,
    /// <summary>The last installment would fall past the calendars' range (periods needed, periods available).</summary>
    CalendarRange,
    /// <summary>(1+i)^n · B leaves the computable range (the balance, the largest balance this rate and term allow).</summary>
    AmountRange,
}
