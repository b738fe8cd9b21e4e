namespace NegociacionOptimizer.Domain.Offers;

/// <summary>A term a proposal can fix.</summary>
public enum ProposalTerm
{
    /// <summary>The installment amount A.</summary>
    InstallmentAmount,
    /// <summary>The number of installments n.</summary>
    Installments,
    /// <summary>The down payment D.</summary>
    DownPayment,
    /// <summary>The discount Q.</summary>
    Discount,
    /// <summary>The frequency f (as periods a year).</summary>
    Frequency,
    /// <summary>The grace periods g.</summary>
    GracePeriods,
}
