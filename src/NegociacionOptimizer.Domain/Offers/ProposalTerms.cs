using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>
/// What a person proposes: any subset of the plan's terms. A term left null is free. "I can pay 20,000 a month" fixes
/// only <see cref="InstallmentMinor"/>; "12 installments" only <see cref="Installments"/>.
/// </summary>
/// <param name="DownPaymentMinor">D, minor units.</param>
/// <param name="DiscountMinor">Q, minor units (a discount asked for as a share is converted by the caller).</param>
/// <param name="Frequency">f.</param>
/// <param name="Installments">n (0 = pay everything today).</param>
/// <param name="InstallmentMinor">A, minor units, at <see cref="Frequency"/> (the person's income frequency when free).</param>
/// <param name="GracePeriods">g (from the first due date asked for).</param>
public sealed record ProposalTerms(
    long? DownPaymentMinor = null,
    long? DiscountMinor = null,
    Frequency? Frequency = null,
    int? Installments = null,
    long? InstallmentMinor = null,
    int? GracePeriods = null)
{
    /// <summary>The frequency the proposed installment amount is paid at: the proposed one, else the person's income frequency.</summary>
    public Frequency InstallmentFrequency(NegotiationContext context) => Frequency ?? context.Inquiry.IncomeFrequency;

    /// <summary>
    /// The plan the proposal names with <paramref name="installments"/> installments. Free terms take: down payment 0
    /// (B − Q for a settlement), discount 0, frequency the person's income frequency, no grace.
    /// </summary>
    public PlanTerms PlanWith(NegotiationContext context, int installments)
    {
        var b = context.BalanceMinor;
        var q = DiscountMinor ?? 0;
        return installments == 0
            ? new PlanTerms(DownPaymentMinor ?? b - q, q, Accounts.Frequency.Monthly, 0, 0)
            : new PlanTerms(DownPaymentMinor ?? 0, q, InstallmentFrequency(context), installments, GracePeriods ?? 0);
    }
}
