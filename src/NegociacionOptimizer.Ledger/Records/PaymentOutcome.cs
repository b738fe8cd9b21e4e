namespace NegociacionOptimizer.Ledger.Records;

/// <summary>What a payment report says about one installment.</summary>
public enum PaymentOutcome
{
    /// <summary>An amount was paid on a date.</summary>
    Paid,

    /// <summary>The installment was not paid by its due date.</summary>
    Missed,
}
