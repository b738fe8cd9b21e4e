namespace NegociacionOptimizer.Domain.Accounts;

/// <summary>Why the account fell behind, as the inquiry found it.</summary>
public enum Reason
{
    /// <summary>Lost the job (pérdida de empleo).</summary>
    JobLoss = 1,
    /// <summary>Income went down (reducción de ingresos).</summary>
    IncomeReduction = 2,
    /// <summary>Illness (enfermedad).</summary>
    Illness = 3,
    /// <summary>Too many debts (sobreendeudamiento).</summary>
    OverIndebtedness = 4,
    /// <summary>Forgot to pay (olvido).</summary>
    Forgot = 5,
    /// <summary>Disputes the balance: no offers until review.</summary>
    Dispute = 6,
    /// <summary>Reports fraud: no offers until review.</summary>
    FraudClaim = 7,
    /// <summary>Any other reason.</summary>
    Other = 8,
}
