using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Optimization;
using NegociacionOptimizer.Optimization.Counter;
using NegociacionOptimizer.Optimization.Running;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Proposals;

/// <summary>
/// Every sentence the service can say, over seeded generated requests run through the real engine and counter-offer
/// search in both languages: scripts, binding constraints, reasons, suggestions, summaries and counter-offer changes.
/// </summary>
[Collection(SolverHeavyTests.Name)]
public class NeutralWordingTests
{
    private const int Requests = 50;

    [Fact]
    public async Task No_text_of_any_generated_answer_uses_a_banned_word()
    {
        var router = new PolicyRouter(new PolicyStore(), NullLogger<PolicyRouter>.Instance);
        using var runner = new SolveRunner(1, 8, TimeProvider.System);
        var offers = new OfferPipeline(router, new CpSatOfferEngine(), runner, CalendarSet.BuiltIn);
        var proposals = new ProposalEvaluator(router, new CounterOfferSearch(), runner, CalendarSet.BuiltIn);
        var texts = new List<string>();
        var counterOffers = 0;
        for (var seed = 0; seed < Requests; seed++)
        {
            foreach (var language in new[] { "es-AR", "en" })
            {
                var request = Generate(seed, language);
                Assert.Empty(offers.Validator.Validate(request));
                texts.AddRange(Texts(await offers.GenerateAsync(request, DateTime.MaxValue, CancellationToken.None)));

                var proposal = Proposal(request, seed);
                Assert.Empty(offers.Validator.Validate(proposal));
                var answer = await proposals.EvaluateAsync(proposal, DateTime.MaxValue, CancellationToken.None);
                counterOffers += answer.CounterOffers.Count;
                texts.AddRange(Texts(answer));
            }
        }

        Assert.True(counterOffers >= Requests / 5, $"only {counterOffers} counter-offers: the generator no longer exercises them");
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        var offending = texts.Where(t => BannedWords.In(t).Any()).ToList();
        Assert.Empty(offending);
    }

    private static GenerateOffersRequest Generate(int seed, string language)
    {
        var random = new Random(seed);
        var request = Support.Requests.Valid();
        request.RequestId = $"words-{seed}";
        request.Language = language;
        var account = request.Account;
        account.PrincipalMinor = random.NextInt64(20_000, 5_000_000) * 100;
        account.InterestMinor = account.PrincipalMinor * random.Next(0, 30) / 100;
        account.FeesMinor = account.PrincipalMinor * random.Next(0, 10) / 100;
        account.DaysPastDue = random.Next(0, 200);
        var inquiry = request.Inquiry;
        inquiry.MonthlyIncomeMinor = random.NextInt64(50_000, 2_000_000) * 100;
        inquiry.MonthlyEssentialExpensesMinor = inquiry.MonthlyIncomeMinor * random.Next(20, 90) / 100;
        inquiry.MonthlyOtherDebtPaymentsMinor = inquiry.MonthlyIncomeMinor * random.Next(0, 15) / 100;
        inquiry.LumpSumAvailableMinor = random.Next(3) == 0 ? 0 : account.PrincipalMinor * random.Next(0, 80) / 100;
        if (random.Next(4) == 0)
        {
            inquiry.StatedMonthlyCapacityMinor = inquiry.MonthlyIncomeMinor * random.Next(2, 30) / 100;
        }

        inquiry.Reason = (Reason)random.Next(1, 9);
        inquiry.IncomeFrequency = (Frequency)random.Next(1, 4);
        if (inquiry.IncomeFrequency != Frequency.Monthly)
        {
            inquiry.PayDay = new PayDay { Weekday = (Weekday)random.Next(1, 8) };
        }

        request.Policy = new Policy { MaxTermMonths = random.Next(3, 25), SolveTimeLimitMs = 400, MinInstallmentMinor = random.Next(2) * 2_000_000 };
        return request;
    }

    private static EvaluateProposalRequest Proposal(GenerateOffersRequest offers, int seed)
    {
        var random = new Random(seed + 7_777);
        var balance = offers.Account.PrincipalMinor + offers.Account.InterestMinor + offers.Account.FeesMinor;
        var proposal = new Proposal();
        switch (random.Next(4))
        {
            case 0:
                proposal.InstallmentMinor = Math.Max(1, balance * random.Next(1, 30) / 100);
                break;
            case 1:
                proposal.Installments = random.Next(0, 40);
                break;
            case 2:
                proposal.Installments = random.Next(1, 24);
                proposal.InstallmentMinor = Math.Max(1, balance * random.Next(1, 20) / 100);
                proposal.Frequency = (Frequency)random.Next(1, 4);
                proposal.FirstDueDate = "2027-01-20";
                break;
            default:
                proposal.DiscountBp = random.Next(0, 8_000);
                proposal.DownPaymentMinor = Math.Min(offers.Inquiry.LumpSumAvailableMinor + balance / 10, balance);
                break;
        }

        return new EvaluateProposalRequest
        {
            RequestId = offers.RequestId,
            Account = offers.Account.Clone(),
            Inquiry = offers.Inquiry.Clone(),
            Policy = offers.Policy.Clone(),
            Language = offers.Language,
            Proposal = proposal,
        };
    }

    private static IEnumerable<string> Texts(GenerateOffersResponse response) =>
        [
            response.Summary,
            .. response.Offers.SelectMany(OfferTexts),
            .. response.NoOfferReasons.Select(e => e.Text),
            .. response.Suggestions.Select(e => e.Text),
        ];

    private static IEnumerable<string> Texts(EvaluateProposalResponse response) =>
        [
            response.Summary,
            .. response.Violations.Select(e => e.Text),
            .. response.AcceptedOffer is { } accepted ? OfferTexts(accepted) : [],
            .. response.CounterOffers.SelectMany(c => OfferTexts(c.Offer).Append(c.Changes)),
        ];

    private static IEnumerable<string> OfferTexts(Offer offer) => offer.BindingConstraints.Select(b => b.Text).Append(offer.Script);
}
