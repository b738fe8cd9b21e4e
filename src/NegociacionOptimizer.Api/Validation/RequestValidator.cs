using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.Presentation;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Api.Validation;

/// <summary>
/// Checks requests against every range of <see cref="FieldLimits"/> (the ranges the protos document) and returns all problems at once. A valid request may
/// still have no feasible plan: that is the engine's answer, not a validation error.
/// </summary>
/// <param name="policies">Named policies, to resolve <c>policy_id</c> and its currency.</param>
public sealed class RequestValidator(IPolicyStore policies)
{
    /// <summary>Every problem of a GenerateOffers request.</summary>
    public IReadOnlyList<FieldViolation> Validate(GenerateOffersRequest request, string prefix = "")
    {
        var problems = new Problems();
        Common(problems, prefix, request.RequestId, request.Account, request.Inquiry, request.ConstraintsCase,
            request.PolicyId, request.Policy, request.Language);
        Tightening(problems, prefix, request.Tightening);
        if (request.HasOfferCount)
        {
            problems.Range(prefix + "offer_count", request.OfferCount, FieldLimits.OfferCount);
        }

        return problems.Items;
    }

    /// <summary>Every problem of one StreamOffers item (its request's fields under "request.").</summary>
    public IReadOnlyList<FieldViolation> Validate(StreamOffersRequest item)
    {
        if (item.Request is null)
        {
            return [new FieldViolation("request", "is required")];
        }

        var problems = new List<FieldViolation>();
        if (item.ItemId.Length > FieldLimits.MaxItemIdLength)
        {
            problems.Add(new FieldViolation("item_id", $"must be at most {FieldLimits.MaxItemIdLength} characters; got {item.ItemId.Length}"));
        }

        if (item.ItemId.Any(char.IsControl))
        {
            problems.Add(new FieldViolation("item_id", "must not contain control characters (line breaks, tabs)"));
        }

        problems.AddRange(Validate(item.Request, "request."));
        return problems;
    }

    /// <summary>Every problem of an EvaluateProposal request.</summary>
    public IReadOnlyList<FieldViolation> Validate(EvaluateProposalRequest request)
    {
        var problems = new Problems();
        var asOf = Common(problems, "", request.RequestId, request.Account, request.Inquiry, request.ConstraintsCase,
            request.PolicyId, request.Policy, request.Language);
        Tightening(problems, "", request.Tightening);
        if (request.HasMaxCounterOffers)
        {
            problems.Range("max_counter_offers", request.MaxCounterOffers, FieldLimits.MaxCounterOffers);
        }

        if (request.Proposal is not { } proposal)
        {
            problems.Add("proposal", "is required");
            return problems.Items;
        }

        if (proposal.HasDownPaymentMinor)
        {
            problems.Range("proposal.down_payment_minor", proposal.DownPaymentMinor, FieldLimits.ProposalDownPaymentMinor);
        }

        if (proposal.HasDiscountMinor)
        {
            problems.Range("proposal.discount_minor", proposal.DiscountMinor, FieldLimits.ProposalDiscountMinor);
        }

        if (proposal.HasDiscountBp)
        {
            problems.Range("proposal.discount_bp", proposal.DiscountBp, FieldLimits.ProposalDiscountBp);
        }

        if (proposal.HasDiscountMinor && proposal.HasDiscountBp)
        {
            problems.Add("proposal.discount_bp", "give the discount either in minor units or in basis points, not both");
        }

        if (proposal.HasInstallments)
        {
            problems.Range("proposal.installments", proposal.Installments, FieldLimits.ProposalInstallments);
        }

        if (proposal.HasInstallmentMinor)
        {
            problems.Range("proposal.installment_minor", proposal.InstallmentMinor, FieldLimits.ProposalInstallmentMinor);
        }

        var balance = request.Account is { } account ? (Int128)account.PrincipalMinor + account.InterestMinor + account.FeesMinor : 0;
        if (proposal.HasDownPaymentMinor && balance > 0 && proposal.DownPaymentMinor > balance)
        {
            problems.Add("proposal.down_payment_minor", $"must not exceed the balance {balance}; got {proposal.DownPaymentMinor}");
        }

        if (proposal.HasDiscountMinor && balance > 0 && proposal.DiscountMinor > balance)
        {
            problems.Add("proposal.discount_minor", $"must not exceed the balance {balance}; got {proposal.DiscountMinor}");
        }

        problems.Enum("proposal.frequency", proposal.Frequency, ProtoEnums.Frequency, allowUnspecified: true);
        if (proposal.FirstDueDate.Length > 0
            && IsoDates.Check(problems, "proposal.first_due_date", proposal.FirstDueDate, out var first)
            && asOf is { } valuation)
        {
            if (first <= valuation)
            {
                problems.Add("proposal.first_due_date", $"must be after account.as_of ({IsoDates.Format(valuation)}); got {proposal.FirstDueDate}");
            }
            else if (first > valuation.AddYears(1))
            {
                problems.Add("proposal.first_due_date", $"must be at most one year after account.as_of ({IsoDates.Format(valuation.AddYears(1))}); got {proposal.FirstDueDate}");
            }
        }

        return problems.Items;
    }

    private DateOnly? Common(
        Problems problems,
        string prefix,
        string requestId,
        Account? account,
        Inquiry? inquiry,
        Enum constraintsCase,
        string policyId,
        V1.Policy? inlinePolicy,
        string language)
    {
        problems.MaxLength(prefix + "request_id", requestId, FieldLimits.MaxRequestIdLength);
        if (requestId.Any(char.IsControl))
        {
            problems.Add(prefix + "request_id", "must not contain control characters (line breaks, tabs)");
        }
        var asOf = ValidateAccount(problems, prefix, account);
        ValidateInquiry(problems, prefix, inquiry);
        if (!Language.IsSupported(language))
        {
            problems.Add(prefix + "language", $"must be {Language.AcceptedTags()}; got \"{language}\"");
        }

        var currency = account?.Currency ?? string.Empty;
        var hasCurrency = Currency.TryFromCode(currency, out _);
        switch (constraintsCase)
        {
            case GenerateOffersRequest.ConstraintsOneofCase.Policy or EvaluateProposalRequest.ConstraintsOneofCase.Policy:
                PolicyValidator.Validate(problems, inlinePolicy!, prefix + "policy.", inline: true);
                if (hasCurrency && inlinePolicy!.Currency.Length > 0 && inlinePolicy.Currency != currency)
                {
                    problems.Add(prefix + "policy.currency", $"must match account.currency {currency}; got {inlinePolicy.Currency}");
                }

                break;
            default:
                var id = constraintsCase is GenerateOffersRequest.ConstraintsOneofCase.PolicyId
                    or EvaluateProposalRequest.ConstraintsOneofCase.PolicyId ? policyId : PolicyDefaults.DefaultPolicyId;
                if (!PolicyIds.IsWellFormed(id))
                {
                    problems.Add(prefix + "policy_id", PolicyIds.Rule);
                }
                else if (!policies.TryGet(id, out var stored))
                {
                    // No list of the known ones: an agent may not list policies (SPEC §7); PolicyService.ListPolicies does.
                    problems.Add(prefix + "policy_id", $"unknown policy \"{id}\"");
                }
                else if (hasCurrency && stored.Policy.Currency.Code != currency)
                {
                    problems.Add(prefix + "account.currency", $"policy \"{id}\" is in {stored.Policy.Currency.Code}; got {currency}");
                }

                break;
        }

        return asOf;
    }

    /// <summary>Ranges of a call's policy tightening; whether each is stricter than the policy is checked where it is applied.</summary>
    private static void Tightening(Problems problems, string prefix, PolicyTightening? tightening)
    {
        if (tightening is null)
        {
            return;
        }

        var at = prefix + "tightening.";
        if (tightening.HasMaxTermMonths)
        {
            problems.Range(at + "max_term_months", tightening.MaxTermMonths, FieldLimits.MaxTermMonths);
        }

        if (tightening.HasMaxGracePeriods)
        {
            problems.Range(at + "max_grace_periods", tightening.MaxGracePeriods, FieldLimits.MaxGracePeriods);
        }

        if (tightening.HasMaxDiscountFeesBp)
        {
            problems.Range(at + "max_discount_fees_bp", tightening.MaxDiscountFeesBp, FieldLimits.MaxDiscountFeesBp);
        }

        if (tightening.HasMaxDiscountInterestBp)
        {
            problems.Range(at + "max_discount_interest_bp", tightening.MaxDiscountInterestBp, FieldLimits.MaxDiscountInterestBp);
        }

        if (tightening.HasMaxPrincipalDiscountBp)
        {
            problems.Range(at + "max_principal_discount_bp", tightening.MaxPrincipalDiscountBp, FieldLimits.PrincipalCapBp);
        }

        if (tightening.HasMaxEffectiveAnnualRateBp)
        {
            problems.Range(at + "max_effective_annual_rate_bp", tightening.MaxEffectiveAnnualRateBp, FieldLimits.MaxEffectiveAnnualRateBp);
        }

        if (tightening.HasMinDownPaymentBp)
        {
            problems.Range(at + "min_down_payment_bp", tightening.MinDownPaymentBp, FieldLimits.MinDownPaymentBp);
        }

        if (tightening.HasMaxBurdenBp)
        {
            problems.Range(at + "max_burden_bp", tightening.MaxBurdenBp, FieldLimits.MaxBurdenBp);
        }
    }

    private static DateOnly? ValidateAccount(Problems problems, string prefix, Account? account)
    {
        if (account is null)
        {
            problems.Add(prefix + "account", "is required");
            return null;
        }

        var p = prefix + "account.";
        if (account.AccountId.Length is 0 or > FieldLimits.MaxAccountIdLength || account.AccountId.Any(char.IsControl))
        {
            problems.Add(p + "account_id", $"must be 1..{FieldLimits.MaxAccountIdLength} printable characters; got {account.AccountId.Length} characters");
        }

        if (!Currency.TryFromCode(account.Currency, out _))
        {
            problems.Add(p + "currency", $"must be a supported ISO-4217 code ({string.Join(", ", Currency.SupportedCodes)}); got \"{account.Currency}\"");
        }

        var amountsOk = problems.Range(p + "principal_minor", account.PrincipalMinor, FieldLimits.PrincipalMinor)
            & problems.Range(p + "interest_minor", account.InterestMinor, FieldLimits.InterestMinor)
            & problems.Range(p + "fees_minor", account.FeesMinor, FieldLimits.FeesMinor);
        if (amountsOk)
        {
            var balance = account.PrincipalMinor + account.InterestMinor + account.FeesMinor;
            if (balance is < 1 or > FieldLimits.MaxBalanceMinor)
            {
                problems.Add(prefix + "account", $"the balance (principal + interest + fees) must be between 1 and {FieldLimits.MaxBalanceMinor} minor units; got {balance}");
            }
        }

        problems.Range(p + "days_past_due", account.DaysPastDue, FieldLimits.DaysPastDue);
        return IsoDates.Check(problems, p + "as_of", account.AsOf, out var asOf) ? asOf : null;
    }

    private static void ValidateInquiry(Problems problems, string prefix, Inquiry? inquiry)
    {
        if (inquiry is null)
        {
            problems.Add(prefix + "inquiry", "is required");
            return;
        }

        var p = prefix + "inquiry.";
        var amountsOk = true;
        if (inquiry.HasMonthlyIncomeMinor)
        {
            amountsOk &= problems.Range(p + "monthly_income_minor", inquiry.MonthlyIncomeMinor, FieldLimits.MonthlyIncomeMinor);
        }

        if (inquiry.HasMonthlyEssentialExpensesMinor)
        {
            amountsOk &= problems.Range(p + "monthly_essential_expenses_minor", inquiry.MonthlyEssentialExpensesMinor, FieldLimits.MonthlyEssentialExpensesMinor);
        }

        if (inquiry.HasMonthlyOtherDebtPaymentsMinor)
        {
            amountsOk &= problems.Range(p + "monthly_other_debt_payments_minor", inquiry.MonthlyOtherDebtPaymentsMinor, FieldLimits.MonthlyOtherDebtPaymentsMinor);
        }

        if (inquiry.HasStatedMonthlyCapacityMinor)
        {
            amountsOk &= problems.Range(p + "stated_monthly_capacity_minor", inquiry.StatedMonthlyCapacityMinor, FieldLimits.StatedMonthlyCapacityMinor);
        }

        problems.Range(p + "lump_sum_available_minor", inquiry.LumpSumAvailableMinor, FieldLimits.LumpSumAvailableMinor);
        if (!inquiry.HasMonthlyIncomeMinor && !inquiry.HasStatedMonthlyCapacityMinor)
        {
            problems.Add(prefix + "inquiry", "give monthly_income_minor (with expenses and other debt payments) or stated_monthly_capacity_minor, or both");
        }
        else if (amountsOk && inquiry.HasMonthlyIncomeMinor && !inquiry.HasStatedMonthlyCapacityMinor)
        {
            var disposable = inquiry.MonthlyIncomeMinor - inquiry.MonthlyEssentialExpensesMinor - inquiry.MonthlyOtherDebtPaymentsMinor;
            if (disposable <= 0)
            {
                problems.Add(p + "monthly_income_minor", $"income minus essential expenses and other debt payments must be positive when no stated_monthly_capacity_minor is given; got {disposable}");
            }
        }

        problems.Enum(p + "income_frequency", inquiry.IncomeFrequency, ProtoEnums.Frequency, allowUnspecified: true);
        if (inquiry.PayDay is { } payDay)
        {
            switch (payDay.KindCase)
            {
                case PayDay.KindOneofCase.DayOfMonth:
                    problems.Range(p + "pay_day.day_of_month", payDay.DayOfMonth, FieldLimits.PayDayOfMonth);
                    break;
                case PayDay.KindOneofCase.Weekday:
                    problems.Enum(p + "pay_day.weekday", payDay.Weekday, ProtoEnums.Weekday, allowUnspecified: false);
                    break;
                default:
                    problems.Add(p + "pay_day", $"set day_of_month ({FieldLimits.PayDayOfMonth.Min}..{FieldLimits.PayDayOfMonth.Max}) or weekday, or leave pay_day out");
                    break;
            }
        }

        problems.Enum(p + "reason", inquiry.Reason, ProtoEnums.Reason, allowUnspecified: false);
        problems.MaxLength(p + "notes", inquiry.Notes, FieldLimits.MaxNotesLength);
    }
}
