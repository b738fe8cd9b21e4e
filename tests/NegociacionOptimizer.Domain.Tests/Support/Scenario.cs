using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Tests.Support;

/// <summary>Builders for accounts, inquiries, policies and contexts with readable defaults (ARS, weekends-only calendar).</summary>
internal static class Scenario
{
    /// <summary>Monday 2 March 2026.</summary>
    public static readonly DateOnly AsOf = new(2026, 3, 2);

    public static readonly Currency Ars = Currency.FromCode("ARS");

    /// <summary>
    /// ARS defaults, one flat TNA for every term, a 1-peso rounding unit and a cap high enough not to interfere: beyond
    /// the product's ranges (a rate tier up to 1,200 months), so its policies are built unchecked.
    /// </summary>
    public static PolicyDraft Draft(int tnaBp = 3_600, long roundingUnit = 100, int capBp = 100_000) =>
        PolicyDefaults.Draft(Ars) with
        {
            NominalAnnualRate = tnaBp == 0 ? [] : [new RateTier(1_200, tnaBp)],
            RoundingUnitMinor = roundingUnit,
            MaxEffectiveAnnualRateBp = capBp,
            MaxTermMonths = 120,
        };

    /// <summary>The policy of <see cref="Draft"/>, built without the policy rules.</summary>
    public static Policy Policy(int tnaBp = 3_600, long roundingUnit = 100, int capBp = 100_000) =>
        Domain.Policies.Policy.UncheckedForTests(Draft(tnaBp, roundingUnit, capBp));

    public static Inquiry Inquiry(
        long? income = 100_000_000,
        long? expenses = 0,
        long? otherDebts = 0,
        long? stated = null,
        long lumpSum = 0,
        Frequency incomeFrequency = Frequency.Weekly,
        PayDay? payDay = null,
        Reason reason = Reason.Other) =>
        new(income, expenses, otherDebts, stated, lumpSum, incomeFrequency, payDay ?? PayDay.OfMonth(10), reason);

    public static Account Account(long principal, long interest = 0, long fees = 0, int daysPastDue = 100, DateOnly? asOf = null) =>
        new("acc-1", Ars, principal, interest, fees, daysPastDue, asOf ?? AsOf);

    public static NegotiationContext Context(
        Account account, Inquiry? inquiry = null, Policy? policy = null, IBusinessCalendar? calendar = null) =>
        new(account, inquiry ?? Inquiry(), policy ?? Policy(), calendar ?? TestCalendar.WeekendsOnly);

    /// <summary>A context whose balance is all principal, so F = <paramref name="financed"/> for D = Q = 0.</summary>
    public static NegotiationContext Financing(long financed, Policy? policy = null, Inquiry? inquiry = null) =>
        Context(Account(financed), inquiry, policy);

    public static PlanTerms Plan(Frequency f, int n, int g = 0, long down = 0, long discount = 0) => new(down, discount, f, n, g);
}
