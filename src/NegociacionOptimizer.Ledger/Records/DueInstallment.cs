namespace NegociacionOptimizer.Ledger.Records;

/// <summary>One payment an offer asks for: number 1..n on its due date (the down payment is the offer's own field).</summary>
/// <param name="Number">1..n.</param>
/// <param name="DueDate">The business day it falls due.</param>
/// <param name="AmountMinor">Minor units.</param>
public sealed record DueInstallment(int Number, DateOnly DueDate, long AmountMinor);
