using System.Collections.Concurrent;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// One negotiation: the account, what the inquiry found and the policy, with everything derived from them that every
/// plan shares (balance, means, discount limits, due dates, per-structure constants). Thread-safe; caches lazily.
/// </summary>
public sealed class NegotiationContext
{
    private readonly ConcurrentDictionary<Frequency, DueDates> _dueDates = new();
    private readonly ConcurrentDictionary<PlanStructure, StructureProfile> _profiles = new();

    /// <summary>Builds the context of one negotiation.</summary>
    public NegotiationContext(Account account, Inquiry inquiry, Policy policy, IBusinessCalendar calendar)
    {
        Account = account;
        Inquiry = inquiry;
        Policy = policy;
        Calendar = calendar;
        BalanceMinor = account.BalanceMinor;
        var incomeBased = inquiry.IncomeBasedDisposableMinor;
        DisposableIncome = incomeBased is { } disposable
            ? DisposableIncome.FromIncome(disposable)
            : DisposableIncome.FromStatedCapacity(inquiry.StatedMonthlyCapacityMinor ?? 0, policy.MaxBurdenBp);
        BurdenCapacityMinor = DisposableIncome.ShareFloor(policy.MaxBurdenBp);
        MonthlyCapacityMinor = Math.Min(BurdenCapacityMinor, inquiry.StatedMonthlyCapacityMinor ?? long.MaxValue);
        FeesDiscountLimitMinor = new BasisPoints(policy.MaxDiscountFeesBp).ShareFloor(account.FeesMinor);
        InterestDiscountLimitMinor = new BasisPoints(policy.MaxDiscountInterestBp).ShareFloor(account.InterestMinor);
        Frequencies = FrequencyExtensions.All
            .Where(f => policy.AllowedFrequencies.Contains(f) && f.SuitsIncome(inquiry.IncomeFrequency))
            .ToArray();
        CompanyWeight = new BasisPoints(policy.CompanyWeightBp).Fraction;
        Alpha = new BasisPoints(policy.AlternativeRecoveryBp).Fraction;
    }

    /// <summary>The account.</summary>
    public Account Account { get; }

    /// <summary>What the inquiry found.</summary>
    public Inquiry Inquiry { get; }

    /// <summary>The policy in force.</summary>
    public Policy Policy { get; }

    /// <summary>The policy country's business-day calendar.</summary>
    public IBusinessCalendar Calendar { get; }

    /// <summary>B, minor units.</summary>
    public long BalanceMinor { get; }

    /// <summary>
    /// I: disposable income a month, exact. Income − expenses − other debt payments (0 when not positive) when the
    /// income is known; when only a capacity is stated, stated capacity / max_burden as an exact fraction (SPEC §2).
    /// </summary>
    public DisposableIncome DisposableIncome { get; }

    /// <summary>⌊max_burden · I⌋, minor units a month.</summary>
    public long BurdenCapacityMinor { get; }

    /// <summary>min(max_burden · I, stated capacity): the largest monthly equivalent installment, minor units.</summary>
    public long MonthlyCapacityMinor { get; }

    /// <summary>Largest discount on fees, minor units.</summary>
    public long FeesDiscountLimitMinor { get; }

    /// <summary>Largest discount on interest, minor units.</summary>
    public long InterestDiscountLimitMinor { get; }

    /// <summary>Frequencies both the policy offers and the person's income suits, least frequent first.</summary>
    public IReadOnlyList<Frequency> Frequencies { get; }

    /// <summary>w as a fraction.</summary>
    public double CompanyWeight { get; }

    /// <summary>α as a fraction.</summary>
    public double Alpha { get; }

    /// <summary>Largest principal discount for a plan of <paramref name="installments"/>, minor units.</summary>
    public long PrincipalDiscountLimitMinor(int installments) =>
        new BasisPoints(Policy.PrincipalDiscount.CapBp(installments, Account.DaysPastDue)).ShareFloor(Account.PrincipalMinor);

    /// <summary>Largest total discount Q for a plan of <paramref name="installments"/>, minor units.</summary>
    public long MaxDiscountMinor(int installments) =>
        FeesDiscountLimitMinor + InterestDiscountLimitMinor + PrincipalDiscountLimitMinor(installments);

    /// <summary>Q split over fees, then interest, then principal, each up to its limit; the principal part may exceed
    /// its limit only when Q does (the evaluator reports that).</summary>
    public DiscountSplit SplitDiscount(long discountMinor)
    {
        var fees = Math.Min(discountMinor, Math.Min(FeesDiscountLimitMinor, Account.FeesMinor));
        var interest = Math.Min(discountMinor - fees, Math.Min(InterestDiscountLimitMinor, Account.InterestMinor));
        return new DiscountSplit(fees, interest, discountMinor - fees - interest);
    }

    /// <summary>
    /// Due dates of at least <paramref name="periods"/> periods at <paramref name="frequency"/>; at least enough for the
    /// policy's longest plan with grace, more when a proposal asks for a longer one.
    /// </summary>
    public DueDates DueDatesFor(Frequency frequency, int periods)
    {
        if (_dueDates.TryGetValue(frequency, out var cached) && (cached.Count >= periods || cached.ReachesCalendarEnd))
        {
            return cached;
        }

        var count = Math.Max(periods, Policy.MaxInstallments(frequency) + Policy.MaxGracePeriods + 1);
        var computed = DueDates.Compute(Account.AsOf, frequency, Inquiry.PayDay, Calendar, count);
        _dueDates[frequency] = computed;
        return computed;
    }

    /// <summary>The constants of a structure (rate, annuity factor, dates, discount factors).</summary>
    public StructureProfile Profile(PlanStructure structure) =>
        _profiles.GetOrAdd(structure, s => new StructureProfile(this, s));
}
