using System.Text;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.Validation;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Offers;
using NegociacionOptimizer.Domain.Plans;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Api.Mapping;

/// <summary>Domain and engine answers → proto, every field filled, money in minor units, dates ISO.</summary>
public static class ToProto
{
    /// <summary>Engine name reported in <see cref="V1.SolveInfo.Engine"/> when the caller gives none.</summary>
    public const string DefaultEngineName = "cp-sat";

    /// <summary>The answer to GenerateOffers for an engine result.</summary>
    public static V1.GenerateOffersResponse Response(
        OfferSet set, NegotiationContext context, string requestId, V1.PolicyRef policy, Language language, string engineName)
    {
        var currency = context.Account.Currency;
        var response = new V1.GenerateOffersResponse
        {
            RequestId = requestId,
            Outcome = set.Outcome switch
            {
                OfferOutcome.Offers => V1.Outcome.Offers,
                OfferOutcome.NoFeasiblePlan => V1.Outcome.NoFeasiblePlan,
                _ => V1.Outcome.ReviewRequired,
            },
            Solve = new V1.SolveInfo
            {
                OptimalProven = set.Stats.OptimalProven,
                SolveTimeMs = (int)Math.Min(int.MaxValue, set.Stats.Elapsed.TotalMilliseconds),
                SolverCalls = set.Stats.SolverCalls,
                Engine = engineName,
            },
            Policy = policy,
            Affordability = Affordability(context),
            BalanceMinor = context.BalanceMinor,
            Currency = currency.Code,
        };
        response.Offers.AddRange(set.Offers.Select(o => Offer(o, context, policy, language)));
        response.NoOfferReasons.AddRange(set.NoOfferReasons.Select(v => Explanation(v, RuleTexts.Broken(v, currency, language))));
        response.Suggestions.AddRange(set.Suggestions.Select(s => new V1.Explanation
        {
            Code = Code(s.Code),
            Text = RuleTexts.Suggestion(s.Field, s.Value, s.Current, s.Unit, currency, language),
            Value = s.Value,
            Limit = s.Current,
            Unit = Unit(s.Unit),
            Field = s.Field,
        }));
        response.Summary = set.Outcome switch
        {
            OfferOutcome.Offers when set.Offers.Count > 0 =>
                Scripts.OffersSummary(set.Offers.Count, context.BalanceMinor, set.Offers[0].Plan, currency, language),
            OfferOutcome.ReviewRequired => Scripts.ReviewSummary(language),
            _ => Scripts.NoPlanSummary(context.BalanceMinor, response.NoOfferReasons.FirstOrDefault()?.Text, currency, language),
        };
        return response;
    }

    /// <summary>The answer for a disputed or fraud-claimed balance: no offers, one neutral reason.</summary>
    public static V1.GenerateOffersResponse ReviewResponse(
        NegotiationContext context, string requestId, V1.PolicyRef policy, Language language, string engineName)
    {
        var response = Response(
            new OfferSet(OfferOutcome.ReviewRequired, [], [], [], new SolveStats(true, TimeSpan.Zero, 0)),
            context, requestId, policy, language, engineName);
        response.NoOfferReasons.Add(ReviewReason(context.Inquiry.Reason, language));
        return response;
    }

    /// <summary>Code of the explanation of <see cref="ReviewReason"/>.</summary>
    public const string ReviewReasonCode = "REVIEW_REQUIRED";

    /// <summary>The explanation of why a disputed or fraud-claimed balance needs review.</summary>
    public static V1.Explanation ReviewReason(D.Accounts.Reason reason, Language language) => new()
    {
        Code = ReviewReasonCode,
        Text = RuleTexts.ReviewRequired(reason, language),
        Unit = string.Empty,
        Field = "inquiry.reason",
    };

    /// <summary>One ranked offer.</summary>
    public static V1.Offer Offer(RankedOffer offer, NegotiationContext context, V1.PolicyRef policy, Language language) =>
        Offer(offer.Plan, offer.OfferId, offer.Rank, offer.LadderPosition, offer.ParetoEfficient, offer.TermClass,
            offer.BindingConstraints, context, policy, language);

    /// <summary>An offer from a plan and its place in a set.</summary>
    public static V1.Offer Offer(
        PlanEvaluation plan,
        string offerId,
        int rank,
        int ladderPosition,
        bool paretoEfficient,
        TermClass termClass,
        IReadOnlyList<Violation> binding,
        NegotiationContext context,
        V1.PolicyRef policy,
        Language language)
    {
        var currency = context.Account.Currency;
        var b = context.BalanceMinor;
        var terms = plan.Terms;
        var offer = new V1.Offer
        {
            OfferId = offerId,
            Rank = rank,
            LadderPosition = ladderPosition,
            Kind = terms.IsSettlement ? V1.OfferKind.Settlement
                : terms.GracePeriods > 0 ? V1.OfferKind.DeferredPlan : V1.OfferKind.Plan,
            Currency = currency.Code,
            DownPaymentMinor = terms.DownPaymentMinor,
            Discount = new V1.DiscountBreakdown
            {
                FeesMinor = plan.Discount.FeesMinor,
                InterestMinor = plan.Discount.InterestMinor,
                PrincipalMinor = plan.Discount.PrincipalMinor,
                TotalMinor = plan.Discount.TotalMinor,
                ShareOfBalanceBp = BasisPoints.ShareOf(plan.Discount.TotalMinor, b).Value,
            },
            Frequency = Frequency(terms.Frequency),
            Installments = terms.Installments,
            GracePeriods = terms.GracePeriods,
            InstallmentMinor = plan.InstallmentMinor,
            LastInstallmentMinor = plan.LastInstallmentMinor,
            FinancedMinor = plan.FinancedMinor,
            TotalToPayMinor = plan.TotalToPayMinor,
            TotalInterestMinor = plan.TotalInterestMinor,
            NominalAnnualRateBp = plan.NominalRateBp,
            EffectiveAnnualCost = plan.EffectiveAnnualCost,
            MonthlyEquivalentMinor = MinorUnits.RoundValuation(plan.MonthlyEquivalentMinor),
            Burden = double.IsFinite(plan.Burden) ? plan.Burden : 0,
            CompletionProbability = plan.CompletionProbability,
            ExpectedNpvMinor = MinorUnits.RoundValuation(plan.ExpectedNpvMinor),
            RecoveryRatio = plan.RecoveryRatio,
            CompanyValueMinor = MinorUnits.RoundValuation(plan.CompanyValueMinor),
            PersonValueMinor = MinorUnits.RoundValuation(plan.PersonValueMinor),
            Score = plan.Score,
            ParetoEfficient = paretoEfficient,
            ExpiresOn = IsoDates.Format(context.Account.AsOf.AddDays(context.Policy.OfferValidityDays)),
            Script = Scripts.Offer(plan, context.Account.AsOf, currency, language),
            TermClass = TermClassText(termClass),
            Policy = policy,
        };
        offer.Schedule.AddRange(plan.Schedule.Select(s => new V1.ScheduledPayment
        {
            Number = s.Number,
            DueDate = IsoDates.Format(s.DueDate),
            DaysFromAsOf = s.DaysFromAsOf,
            AmountMinor = s.AmountMinor,
            InterestMinor = s.InterestMinor,
            PrincipalMinor = s.PrincipalMinor,
            RemainingBalanceMinor = s.RemainingBalanceMinor,
        }));
        offer.BindingConstraints.AddRange(binding.Select(v => Explanation(v, RuleTexts.Binding(v, currency, language))));
        return offer;
    }

    /// <summary>What the service took as the person's means.</summary>
    public static V1.Affordability Affordability(NegotiationContext context) => new()
    {
        DisposableIncomeMinor = context.DisposableIncome.CeilingMinor,
        MonthlyCapacityMinor = context.MonthlyCapacityMinor,
        LumpSumMinor = context.Inquiry.LumpSumMinor,
    };

    /// <summary>An explanation of a rule with its figures and a sentence.</summary>
    public static V1.Explanation Explanation(Violation rule, string text) => new()
    {
        Code = Code(rule.Code),
        Text = text,
        Value = rule.Value,
        Limit = rule.Limit,
        Unit = Unit(rule.Unit),
        Field = string.Empty,
    };

    /// <summary>A rule's stable machine code: <see cref="RuleCode.StatedCapacity"/> → "STATED_CAPACITY".</summary>
    public static string Code(RuleCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>The unit name used in explanations.</summary>
    public static string Unit(FigureUnit unit) => unit switch
    {
        FigureUnit.Minor => "minor",
        FigureUnit.BasisPoints => "bp",
        FigureUnit.Installments => "installments",
        _ => "periods",
    };

    /// <summary>The proto frequency.</summary>
    public static V1.Frequency Frequency(D.Accounts.Frequency frequency) => frequency switch
    {
        D.Accounts.Frequency.Weekly => V1.Frequency.Weekly,
        D.Accounts.Frequency.Biweekly => V1.Frequency.Biweekly,
        _ => V1.Frequency.Monthly,
    };

    /// <summary>"settlement", "monthly ≤ 12 months", "weekly > 36 months".</summary>
    public static string TermClassText(TermClass termClass)
    {
        if (termClass.IsSettlement)
        {
            return "settlement";
        }

        var frequency = termClass.Frequency.ToString().ToLowerInvariant();
        return termClass.UpToMonths == int.MaxValue
            ? $"{frequency} > {termClass.FromMonthsExclusive} months"
            : $"{frequency} ≤ {termClass.UpToMonths} months";
    }
}
