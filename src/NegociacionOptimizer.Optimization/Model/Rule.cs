using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Model;

/// <summary>
/// The business rules of the model that a diagnosis can switch off one by one, to name the ones that conflict when no
/// plan exists and to find the smallest change that makes one exist.
/// </summary>
internal enum Rule
{
    /// <summary>D ≤ lump sum (and a settlement's D = B − Q ≤ lump sum).</summary>
    LumpSum,
    /// <summary>A·p/12 ≤ max_burden · I.</summary>
    Burden,
    /// <summary>A·p/12 ≤ stated capacity.</summary>
    StatedCapacity,
    /// <summary>A ≥ min installment for n ≥ 2.</summary>
    MinInstallment,
    /// <summary>D ≥ min_down · (B − Q).</summary>
    MinDownPayment,
    /// <summary>Q within its limits for the plan's n.</summary>
    DiscountLimit,
    /// <summary>CFT ≤ the usury cap.</summary>
    UsuryCap,
    /// <summary>U_c &gt; 0.</summary>
    CompanyValue,
    /// <summary>U_d ≥ 0.</summary>
    PersonValue,
}

/// <summary>The domain's name for each rule.</summary>
internal static class RuleCodes
{
    /// <summary>The violation code the domain's evaluator reports when a plan breaks <paramref name="rule"/>.</summary>
    public static RuleCode Code(this Rule rule) => rule switch
    {
        Rule.LumpSum => RuleCode.LumpSum,
        Rule.Burden => RuleCode.Burden,
        Rule.StatedCapacity => RuleCode.StatedCapacity,
        Rule.MinInstallment => RuleCode.MinInstallment,
        Rule.MinDownPayment => RuleCode.MinDownPayment,
        Rule.DiscountLimit => RuleCode.DiscountLimit,
        Rule.UsuryCap => RuleCode.UsuryCap,
        Rule.CompanyValue => RuleCode.CompanyValue,
        _ => RuleCode.PersonValue,
    };
}
