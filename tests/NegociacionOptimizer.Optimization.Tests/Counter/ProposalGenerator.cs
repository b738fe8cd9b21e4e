using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Optimization.Tests.Counter;

/// <summary>Seeded proposals for a negotiation: every subset of terms, values inside and outside the rules, off the grid too.</summary>
internal static class ProposalGenerator
{
    public static ProposalTerms Create(NegotiationContext context, int seed)
    {
        var random = new Random(seed * 7_919 + 13);
        var b = context.BalanceMinor;
        ProposalTerms proposal;
        do
        {
            proposal = new ProposalTerms(
                DownPaymentMinor: random.Next(3) == 0 ? b * random.Next(0, 60) / 100 : null,
                DiscountMinor: random.Next(3) == 0 ? b * random.Next(0, 50) / 100 : null,
                Frequency: random.Next(4) == 0 ? FrequencyExtensions.All[random.Next(3)] : null,
                Installments: random.Next(2) == 0 ? random.Next(0, 30) : null,
                InstallmentMinor: random.Next(2) == 0 ? Math.Max(1, b * random.Next(1, 40) / 100) + random.Next(0, 1_000) : null,
                GracePeriods: random.Next(4) == 0 ? random.Next(0, 4) : null);
        }
        while (proposal == new ProposalTerms());

        return proposal;
    }
}
