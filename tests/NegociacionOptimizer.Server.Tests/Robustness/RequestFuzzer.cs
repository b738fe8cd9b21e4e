using Google.Protobuf;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Robustness;

/// <summary>Seeded generators of requests: valid ones across the documented ranges, and mangled ones.</summary>
public sealed class RequestFuzzer(int seed)
{
    private static readonly string[] Samples = ["forgot-to-pay.json", "job-loss-small-lump-sum.json", "over-indebted-high-balance.json", "weekly-earner.json"];
    private static readonly Reason[] OfferReasons =
        [Reason.JobLoss, Reason.IncomeReduction, Reason.Illness, Reason.OverIndebtedness, Reason.Forgot, Reason.Other];

    private readonly Random _random = new(seed);

    /// <summary>
    /// A valid request in COP with 1..5 offers wanted and an inline policy (random limits, a 400 ms search budget), over
    /// the whole allowed range: balances up to 10^11 minor units, terms up to 120 months.
    /// </summary>
    public GenerateOffersRequest Valid(int index)
    {
        var r = _random;
        var balance = Between(100_000_00, 100_000_000_000);
        var principal = balance * Between(60, 100) / 100;
        var interest = (balance - principal) / 2;
        var frequency = Pick([Frequency.Monthly, Frequency.Biweekly, Frequency.Weekly]);
        var income = Math.Max(Between(1_000_000_00, 20_000_000_00), balance / Between(10, 60));
        var inquiry = new Inquiry
        {
            MonthlyIncomeMinor = income,
            MonthlyEssentialExpensesMinor = income * Between(20, 60) / 100,
            MonthlyOtherDebtPaymentsMinor = income * Between(0, 20) / 100,
            LumpSumAvailableMinor = r.Next(3) == 0 ? 0 : balance * Between(0, 120) / 100,
            IncomeFrequency = frequency,
            PayDay = frequency == Frequency.Monthly ? new PayDay { DayOfMonth = r.Next(1, 32) } : new PayDay { Weekday = (Weekday)r.Next(1, 8) },
            Reason = r.Next(25) == 0 ? Reason.Dispute : Pick(OfferReasons),
        };
        if (r.Next(3) == 0)
        {
            inquiry.StatedMonthlyCapacityMinor = Between(100_000_00, 5_000_000_00);
        }

        var request = new GenerateOffersRequest
        {
            RequestId = $"fuzz-valid-{index}",
            Account = new Account
            {
                AccountId = $"FZ-{index}",
                Currency = "COP",
                PrincipalMinor = principal,
                InterestMinor = interest,
                FeesMinor = balance - principal - interest,
                DaysPastDue = r.Next(0, 400),
                AsOf = new DateOnly(2026, 1, 1).AddDays(r.Next(0, 700)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            Inquiry = inquiry,
            OfferCount = r.Next(1, 6),
            Language = Pick(["", "es-AR", "en"]),
        };
        request.Policy = r.Next(2) == 0
            ? new Api.V1.Policy { SolveTimeLimitMs = 400, MaxTermMonths = r.Next(1, 121) }
            : new Api.V1.Policy
            {
                SolveTimeLimitMs = 400,
                MaxTermMonths = r.Next(1, 121),
                MinInstallmentMinor = Between(0, 100_000_00),
                RoundingUnitMinor = Pick([100L, 1_000_00, 10_000_00]),
                MaxGracePeriods = r.Next(0, 3),
                MaxDiscountFeesBp = r.Next(0, 10_001),
                MaxDiscountInterestBp = r.Next(0, 10_001),
                MinDownPaymentBp = r.Next(0, 3_000),
                CompanyWeightBp = r.Next(1_000, 9_000),
            };
        return request;
    }

    /// <summary>A request with at least one invalid field, plus random (maybe valid) changes to others.</summary>
    public GenerateOffersRequest Mangled()
    {
        var request = Base();
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            Pick(Any)(request, _random);
        }

        // Last, so no other change can repair it.
        Pick(Invalid)(request, _random);
        return request;
    }

    /// <summary>An EvaluateProposal request with random proposal terms over and beyond the documented ranges.</summary>
    public EvaluateProposalRequest Proposal()
    {
        var r = _random;
        var b = Base();
        var proposal = new Proposal();
        if (r.Next(2) == 0) proposal.DownPaymentMinor = Wild();
        if (r.Next(3) == 0) proposal.DiscountMinor = Wild();
        if (r.Next(3) == 0) proposal.DiscountBp = (int)Math.Clamp(Wild(), int.MinValue, int.MaxValue);
        if (r.Next(5) != 0) proposal.Installments = Pick([0, 1, 6, 12, 36, 520, 1000, 1001, -1, r.Next()]);
        if (r.Next(2) == 0) proposal.InstallmentMinor = Wild();
        proposal.Frequency = (Frequency)r.Next(0, 5);
        proposal.FirstDueDate = Pick(["", "2026-12-05", "2027-06-30", "2099-01-01", "2026-11-19", "not a date"]);
        var request = new EvaluateProposalRequest
        {
            RequestId = "fuzz-proposal",
            Account = b.Account,
            Inquiry = b.Inquiry,
            Proposal = r.Next(20) == 0 ? null : proposal,
        };
        if (r.Next(4) == 0)
        {
            Pick(Any)(b, r);
            request.Account = b.Account;
            request.Inquiry = b.Inquiry;
        }

        return request;
    }

    /// <summary>Bytes of a (rejected) request, damaged: flipped, truncated, extended, or random.</summary>
    public byte[] Damaged()
    {
        var request = Base();
        request.OfferCount = 0;
        request.Language = "xx";
        var bytes = request.ToByteArray();
        var r = _random;
        switch (r.Next(5))
        {
            case 0:
                for (var i = r.Next(1, 6); i > 0; i--)
                {
                    bytes[r.Next(bytes.Length)] ^= (byte)r.Next(1, 256);
                }

                return bytes;
            case 1:
                return bytes[..r.Next(bytes.Length)];
            case 2:
                return [.. bytes, .. RandomBytes(r.Next(1, 64))];
            case 3:
                return RandomBytes(r.Next(0, 512));
            default:
                var cut = r.Next(bytes.Length);
                return [.. bytes[..cut], .. RandomBytes(r.Next(1, 16)), .. bytes[cut..]];
        }
    }

    private GenerateOffersRequest Base() =>
        _random.Next(3) == 0 ? Requests.Valid() : Requests.FromFile(Pick(Samples));

    private static readonly Action<GenerateOffersRequest, Random>[] Invalid =
    [
        (q, r) => q.Account.PrincipalMinor = -1 - r.NextInt64(long.MaxValue - 1),
        (q, r) => q.Account.InterestMinor = long.MaxValue - r.Next(1000),
        (q, _) => { q.Account.PrincipalMinor = 1_000_000_000_000_000; q.Account.InterestMinor = 1_000_000_000_000_000; q.Account.FeesMinor = 1_000_000_000_000_000; },
        (q, _) => { q.Account.PrincipalMinor = 0; q.Account.InterestMinor = 0; q.Account.FeesMinor = 0; },
        (q, r) => q.Account.Currency = new[] { "", "XXX", "cop", "PESO", "€" }[r.Next(5)],
        (q, r) => q.Account.AsOf = new[] { "", "2026-02-30", "31/12/2026", "1999-12-31", "2101-01-01", "9999-12-31", "2026-1-5", "2026-11-20T00:00:00Z" }[r.Next(8)],
        (q, r) => q.Account.DaysPastDue = r.Next(2) == 0 ? -1 - r.Next(1000) : 3651 + r.Next(int.MaxValue - 3651),
        (q, r) => q.Account.AccountId = r.Next(2) == 0 ? string.Empty : new string('x', 129 + r.Next(500)),
        (q, _) => q.Account.AccountId = "A\u0000B",
        (q, _) => q.Account = null,
        (q, _) => q.Inquiry = null,
        (q, r) => q.Inquiry.PayDay = new PayDay { DayOfMonth = new[] { 0, 32, -5, int.MaxValue, int.MinValue }[r.Next(5)] },
        (q, r) => q.Inquiry.PayDay = new PayDay { Weekday = (Weekday)(r.Next(2) == 0 ? 0 : 8 + r.Next(100)) },
        (q, _) => q.Inquiry.PayDay = new PayDay(),
        (q, r) => q.OfferCount = new[] { 0, 11, 1000, -1, int.MinValue, int.MaxValue }[r.Next(6)],
        (q, r) => q.Inquiry.Reason = r.Next(2) == 0 ? Reason.Unspecified : (Reason)(9 + r.Next(1000)),
        (q, r) => q.Inquiry.IncomeFrequency = (Frequency)(4 + r.Next(1000)),
        (q, r) => q.PolicyId = r.Next(2) == 0 ? "nope" : "x" + r.Next(),
        (q, r) => q.Language = new[] { "fr", "ES", "en-US", "xx", "\u00f1" }[r.Next(5)],
        (q, _) => q.RequestId = new string('r', 65),
        (q, _) => q.Inquiry.Notes = new string('n', 2001),
        (q, _) => { q.Inquiry.ClearStatedMonthlyCapacityMinor(); q.Inquiry.ClearMonthlyIncomeMinor(); },
        (q, _) => { q.Inquiry.ClearStatedMonthlyCapacityMinor(); q.Inquiry.MonthlyIncomeMinor = 0; },
        (q, _) => { q.Inquiry.ClearStatedMonthlyCapacityMinor(); q.Inquiry.MonthlyIncomeMinor = 100; q.Inquiry.MonthlyEssentialExpensesMinor = 1_000_000_000_000_000; },
        (q, r) => q.Inquiry.StatedMonthlyCapacityMinor = -r.NextInt64(long.MaxValue),
        (q, r) => q.Inquiry.LumpSumAvailableMinor = r.Next(2) == 0 ? -1 : long.MinValue,
        (q, r) => q.Policy = new Api.V1.Policy { MaxTermMonths = r.Next(2) == 0 ? 0 : 121 + r.Next(10_000) },
        (q, _) => q.Policy = new Api.V1.Policy { RoundingUnitMinor = 0 },
        (q, r) => q.Policy = new Api.V1.Policy { CompanyWeightBp = r.Next(2) == 0 ? 0 : 10_000 },
        (q, _) => q.Policy = new Api.V1.Policy { Currency = "USD" },
        (q, _) => q.Policy = new Api.V1.Policy { Country = "ZZ" },
        (q, _) => q.Policy = new Api.V1.Policy { SolveTimeLimitMs = 10 },
        (q, _) => q.Policy = new Api.V1.Policy { AllowedFrequencies = { Frequency.Monthly, Frequency.Monthly } },
        (q, r) => q.Policy = new Api.V1.Policy { Behaviour = new BehaviourModel { Hazard = { new HazardBucket { BurdenFromBp = 0, MonthlyHazard = new[] { double.NaN, double.PositiveInfinity, -0.1, 2 }[r.Next(4)] } } } },
        (q, _) => q.Policy = new Api.V1.Policy
        {
            PrincipalDiscount = new PrincipalDiscountMatrix
            {
                DaysPastDueFrom = { 0, 90 },
                Tiers = { new DiscountTier { MaxInstallments = 6, PrincipalCapBp = { 100, 200 } }, new DiscountTier { MaxInstallments = 3, PrincipalCapBp = { 500 } } },
            },
        },
        (q, _) => q.Policy = new Api.V1.Policy { NominalAnnualRate = { new RateTier { UpToMonths = 12, NominalAnnualRateBp = -1 }, new RateTier { UpToMonths = 6, NominalAnnualRateBp = 100 } } },
        (q, _) => q.Policy = new Api.V1.Policy { PrincipalDiscount = new PrincipalDiscountMatrix() },
    ];

    private static readonly Action<GenerateOffersRequest, Random>[] Any =
    [
        (q, r) => { if (q.Account is { } a) a.PrincipalMinor = Wild(r); },
        (q, r) => { if (q.Account is { } a) a.FeesMinor = Wild(r); },
        (q, r) => { if (q.Account is { } a) a.DaysPastDue = r.Next(-10, 4000); },
        (q, r) => { if (q.Inquiry is { } i) i.MonthlyIncomeMinor = Wild(r); },
        (q, r) => { if (q.Inquiry is { } i) i.StatedMonthlyCapacityMinor = Wild(r); },
        (q, r) => { if (q.Inquiry is { } i) i.LumpSumAvailableMinor = Wild(r); },
        (q, r) => { if (q.Inquiry is { } i) i.Notes = RandomText(r, r.Next(0, 300)); },
        (q, r) => q.RequestId = RandomText(r, r.Next(0, 80)),
        (q, r) => q.OfferCount = r.Next(-2, 13),
        (q, r) => q.Policy = new Api.V1.Policy
        {
            MaxTermMonths = r.Next(-1, 130),
            MinInstallmentMinor = Wild(r),
            MaxGracePeriods = r.Next(-1, 14),
            MaxBurdenBp = r.Next(-1, 10_002),
            OfferValidityDays = r.Next(-1, 100),
            SolveTimeLimitMs = r.Next(0, 70_000),
        },
        (q, _) => q.Policy = new Api.V1.Policy { PrincipalDiscount = new PrincipalDiscountMatrix { DaysPastDueFrom = { 0 } } },
        (q, _) => q.Policy = new Api.V1.Policy { Behaviour = new BehaviourModel { ReasonMultipliers = { new ReasonMultiplier { Reason = Reason.Forgot, Multiplier = 0.5 } } } },
    ];

    private long Wild() => Wild(_random);

    private static long Wild(Random r) => r.Next(6) switch
    {
        0 => -r.NextInt64(long.MaxValue),
        1 => long.MaxValue - r.Next(10),
        2 => 0,
        3 => r.NextInt64(1_000_000_000_000_000),
        _ => r.NextInt64(10_000_000_000),
    };

    private static string RandomText(Random r, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = r.Next(4) == 0 ? (char)r.Next(0, 0xD800) : (char)r.Next(32, 127);
        }

        return new string(chars);
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private long Between(long min, long max) => _random.NextInt64(min, max + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
