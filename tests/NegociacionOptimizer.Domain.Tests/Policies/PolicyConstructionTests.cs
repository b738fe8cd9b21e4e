using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Tests.Policies;

/// <summary>
/// A <see cref="Policy"/> exists only valid: every <see cref="FieldLimits"/> row of a policy field, at both bounds and
/// beyond them (one step, then seeded further values), alone and several at once, is accepted or named with its path.
/// </summary>
public sealed class PolicyConstructionTests
{
    private const int Seed = 20_261_201;

    private static readonly PolicyDraft Valid = PolicyDefaults.Draft(Currency.FromCode("ARS"));

    /// <summary>How to put a value into one field of a draft, and the path the rules name it by.</summary>
    private static readonly IReadOnlyList<FieldSetter> Setters =
    [
        Int(FieldLimits.Version, "version", (d, v) => d with { Version = v }),
        Int(FieldLimits.MaxTermMonths, "max_term_months", (d, v) => d with { MaxTermMonths = v }),
        Int(FieldLimits.MaxGracePeriods, "max_grace_periods", (d, v) => d with { MaxGracePeriods = v }),
        Long(FieldLimits.MinInstallmentMinor, "min_installment_minor", (d, v) => d with { MinInstallmentMinor = v }),
        Long(FieldLimits.RoundingUnitMinor, "rounding_unit_minor", (d, v) => d with { RoundingUnitMinor = v }),
        Long(FieldLimits.AmountStepMinor, "amount_step_minor", (d, v) => d with { AmountStepMinor = v }),
        Int(FieldLimits.MinDownPaymentBp, "min_down_payment_bp", (d, v) => d with { MinDownPaymentBp = v }),
        Int(FieldLimits.MaxDiscountFeesBp, "max_discount_fees_bp", (d, v) => d with { MaxDiscountFeesBp = v }),
        Int(FieldLimits.MaxDiscountInterestBp, "max_discount_interest_bp", (d, v) => d with { MaxDiscountInterestBp = v }),
        Int(FieldLimits.MaxEffectiveAnnualRateBp, "max_effective_annual_rate_bp", (d, v) => d with { MaxEffectiveAnnualRateBp = v }),
        Int(FieldLimits.CostOfCapitalBp, "cost_of_capital_bp", (d, v) => d with { CostOfCapitalBp = v }),
        Int(FieldLimits.AlternativeRecoveryBp, "alternative_recovery_bp", (d, v) => d with { AlternativeRecoveryBp = v }),
        Int(FieldLimits.DebtorDiscountRateBp, "debtor_discount_rate_bp", (d, v) => d with { DebtorDiscountRateBp = v }),
        Int(FieldLimits.MaxBurdenBp, "max_burden_bp", (d, v) => d with { MaxBurdenBp = v }),
        Int(FieldLimits.CompanyWeightBp, "company_weight_bp", (d, v) => d with { CompanyWeightBp = v }),
        Int(FieldLimits.OfferCount, "offer_count", (d, v) => d with { OfferCount = v }),
        Int(FieldLimits.OfferValidityDays, "offer_validity_days", (d, v) => d with { OfferValidityDays = v }),
        Int(FieldLimits.SolveTimeLimitMs, "solve_time_limit_ms", (d, v) => d with { SolveTimeLimitMs = v }),

        // A bucket bound below 0 can only be a first bucket, which must start at 0: named by that rule, not the range.
        Int(FieldLimits.DaysPastDueFrom, "principal_discount", (d, v) => d with
        {
            PrincipalDiscount = v <= 0 ? new([v], [new(0, [0])]) : new([0, v], [new(0, [0, 0])]),
        }, v => v <= 0 ? "principal_discount.days_past_due_from[0]" : "principal_discount.days_past_due_from[1]", orderRuleBelowMin: true),
        Int(FieldLimits.TierMaxInstallments, "principal_discount", (d, v) => d with { PrincipalDiscount = new([0], [new(v, [0])]) },
            _ => "principal_discount.tiers[0].max_installments"),
        Int(FieldLimits.PrincipalCapBp, "principal_discount", (d, v) => d with { PrincipalDiscount = new([0], [new(0, [v])]) },
            _ => "principal_discount.tiers[0].principal_cap_bp[0]"),
        Int(FieldLimits.RateUpToMonths, "nominal_annual_rate", (d, v) => d with { NominalAnnualRate = [new(v, 1_000)] },
            _ => "nominal_annual_rate[0].up_to_months"),
        Int(FieldLimits.NominalAnnualRateBp, "nominal_annual_rate", (d, v) => d with { NominalAnnualRate = [new(12, v)] },
            _ => "nominal_annual_rate[0].nominal_annual_rate_bp"),
        Int(FieldLimits.BurdenFromBp, "behaviour.hazard", (d, v) => d with
        {
            Behaviour = d.Behaviour with { Buckets = v <= 0 ? [new(v, 0.01)] : [new(0, 0.01), new(v, 0.02)] },
        }, v => v <= 0 ? "behaviour.hazard[0].burden_from_bp" : "behaviour.hazard[1].burden_from_bp", orderRuleBelowMin: true),
        Double(FieldLimits.MonthlyHazard, "behaviour.hazard", (d, v) => d with { Behaviour = d.Behaviour with { Buckets = [new(0, v)] } },
            _ => "behaviour.hazard[0].monthly_hazard"),
        Double(FieldLimits.ReasonMultiplier, "behaviour.reason_multipliers", (d, v) => d with
        {
            Behaviour = d.Behaviour with { ReasonMultipliers = [new(Reason.JobLoss, v)] },
        }, _ => "behaviour.reason_multipliers[0].multiplier"),
        Double(FieldLimits.GraceHazardMultiplier, "behaviour.grace_hazard_multiplier", (d, v) => d with
        {
            Behaviour = d.Behaviour with { GraceHazardMultiplier = v },
        }),
        Int(FieldLimits.ChallengerShareBp, "challenger.share_bp", (d, v) => d with { Challenger = new("other", v) }),
    ];

    [Fact]
    public void Every_row_of_a_policy_message_has_a_setter_here()
    {
        string[] policyMessages =
            ["Policy", "PrincipalDiscountMatrix", "DiscountTier", "RateTier", "BehaviourModel", "HazardBucket", "ReasonMultiplier", "Challenger"];
        var rows = FieldLimits.All.Where(r => policyMessages.Contains(r.Message)).ToHashSet();

        Assert.Equal(rows.Count, Setters.Count);
        Assert.Subset(rows, Setters.Select(s => s.Row).ToHashSet());
    }

    [Fact]
    public void Every_field_at_either_bound_of_its_row_makes_a_policy()
    {
        foreach (var setter in Setters)
        {
            foreach (var bound in setter.Bounds)
            {
                var created = Policy.TryCreate(setter.Set(Valid, bound), out var policy, out var violations);
                Assert.True(created, $"{setter.Row.Message}.{setter.Row.Field} = {bound}: {Describe(violations)}");
                Assert.NotNull(policy);
            }
        }
    }

    [Fact]
    public void A_field_beyond_its_row_is_named_with_its_path_and_the_row_s_range()
    {
        var random = new Random(Seed);
        foreach (var setter in Setters)
        {
            foreach (var value in setter.Beyond(random))
            {
                Assert.False(Policy.TryCreate(setter.Set(Valid, value), out var policy, out var violations));
                Assert.Null(policy);
                var violation = Assert.Single(violations);
                Assert.Equal(setter.PathOf(value), violation.Field);
                if (!setter.NamedByOrderRule(value))
                {
                    Assert.Equal(setter.RangeText(value), violation.Description);
                }
            }
        }
    }

    [Fact]
    public void Several_fields_beyond_their_rows_are_all_named_at_once()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            // At most one setter per part of the policy: a matrix, a rate table or a behaviour list is replaced whole.
            var chosen = Setters.GroupBy(s => s.Part).Select(g => g.ElementAt(random.Next(g.Count()))).Where(_ => random.Next(3) == 0).ToList();
            var draft = Valid;
            var expected = new List<string>();
            foreach (var setter in chosen)
            {
                var values = setter.Beyond(random);
                var value = values[random.Next(values.Count)];
                draft = setter.Set(draft, value);
                expected.Add(setter.PathOf(value));
            }

            Assert.Equal(expected.Count == 0, Policy.TryCreate(draft, out _, out var violations));
            Assert.Equal(expected.Order(StringComparer.Ordinal), violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Create_refuses_a_draft_with_every_problem_in_the_message()
    {
        var draft = Valid with { MaxTermMonths = 0, CompanyWeightBp = BasisPoints.Whole };
        var error = Assert.Throws<ArgumentException>(() => Policy.Create(draft));
        Assert.Contains("max_term_months: must be between 1 and 120; got 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("company_weight_bp: must be between 1 and 9999; got 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shapes_of_lists_are_rules_of_the_policy()
    {
        var draft = Valid with
        {
            AllowedFrequencies = [Frequency.Weekly, Frequency.Weekly, (Frequency)5],
            PrincipalDiscount = new([0, 90], [new(6, [1_000, 500]), new(3, [2_000])]),
            NominalAnnualRate = [new(12, 1_000), new(12, 1_200)],
            Behaviour = Valid.Behaviour with
            {
                Buckets = [new(100, 0.01)],
                ReasonMultipliers = [new(Reason.Forgot, 1), new(Reason.Forgot, 2), new((Reason)99, 1)],
            },
        };

        Assert.False(Policy.TryCreate(draft, out _, out var violations));
        Assert.Equal(
            [
                "allowed_frequencies[1]", "allowed_frequencies[2]",
                "principal_discount.tiers[0].principal_cap_bp[1]", "principal_discount.tiers[1].max_installments",
                "principal_discount.tiers[1].principal_cap_bp",
                "nominal_annual_rate[1].up_to_months",
                "behaviour.hazard[0].burden_from_bp", "behaviour.reason_multipliers[1].reason", "behaviour.reason_multipliers[2].reason",
            ],
            violations.Select(v => v.Field));
        Assert.Single(Violations(Valid with { AllowedFrequencies = [] }));
        Assert.Single(Violations(Valid with { Behaviour = Valid.Behaviour with { Buckets = [] } }));
        Assert.Single(Violations(Valid with { PrincipalDiscount = new([0], []) }));
    }

    [Fact]
    public void A_country_without_a_calendar_and_a_long_description_are_refused()
    {
        var violations = Violations(Valid with { Country = "ZZ", Description = new string('x', FieldLimits.MaxDescriptionLength + 1) });
        Assert.Equal(["description", "country"], violations.Select(v => v.Field));
        Assert.Empty(Violations(Valid with { Description = new string('x', FieldLimits.MaxDescriptionLength) }));
    }

    [Fact]
    public void The_built_in_policy_and_every_currency_s_defaults_pass_the_rules()
    {
        Assert.Empty(Violations(PolicyDefaults.BuiltIn.ToDraft()));
        foreach (var code in Currency.SupportedCodes)
        {
            Assert.Empty(Violations(PolicyDefaults.Draft(Currency.FromCode(code))));
        }
    }

    [Fact]
    public void A_policy_made_again_from_its_draft_is_the_same_policy()
    {
        var policy = PolicyDefaults.BuiltIn;
        var again = Policy.Create(policy.ToDraft());

        Assert.Equal(policy.AllowedFrequencies, again.AllowedFrequencies);
        Assert.Same(policy.PrincipalDiscount, again.PrincipalDiscount);
        Assert.Same(policy.NominalAnnualRate, again.NominalAnnualRate);
        Assert.Equal(policy.Behaviour.Buckets, again.Behaviour.Buckets);
        Assert.Equal(policy.Behaviour.ReasonMultipliers.OrderBy(r => r.Key), again.Behaviour.ReasonMultipliers.OrderBy(r => r.Key));
        Assert.Equal(
            (policy.Id, policy.Version, policy.MaxTermMonths, policy.RoundingUnitMinor, policy.MinInstallmentMinor, policy.SolveTimeLimitMs),
            (again.Id, again.Version, again.MaxTermMonths, again.RoundingUnitMinor, again.MinInstallmentMinor, again.SolveTimeLimitMs));
    }

    [Fact]
    public void Frequencies_are_kept_once_in_the_order_of_all_frequencies()
    {
        var policy = Policy.Create(Valid with { AllowedFrequencies = [Frequency.Weekly, Frequency.Monthly] });
        Assert.Equal([Frequency.Monthly, Frequency.Weekly], policy.AllowedFrequencies);
    }

    [Fact]
    public void A_challenger_without_a_policy_id_is_no_challenger()
    {
        Assert.Null(Policy.Create(Valid with { Challenger = new(string.Empty, 2_000) }).Challenger);
        Assert.Equal(new BasisPoints(2_000), Policy.Create(Valid with { Challenger = new("other", 2_000) }).Challenger!.Share);
    }

    [Fact]
    public void Only_test_assemblies_see_the_unchecked_factory()
    {
        var friends = typeof(Policy).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();

        Assert.NotEmpty(friends);
        Assert.All(friends, name => Assert.EndsWith(".Tests", name, StringComparison.Ordinal));
        var factory = typeof(Policy).GetMethod(nameof(Policy.UncheckedForTests), BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(factory);
        Assert.True(factory.IsAssembly);
        Assert.Empty(typeof(Policy).GetConstructors());
    }

    [Fact]
    public void No_source_file_calls_the_unchecked_factory()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "NegociacionOptimizer.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root was not found above the test binaries.");
        }

        string[] folders = ["src", "bench", "samples"];
        var callers = folders
            .Select(folder => Path.Combine(root.FullName, folder))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains(nameof(Policy.UncheckedForTests), StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root.FullName, file))
            .ToList();

        Assert.Equal([Path.Combine("src", "NegociacionOptimizer.Domain", "Policies", "Policy.cs")], callers);
        var declaration = File.ReadAllLines(Path.Combine(root.FullName, callers[0])).Where(l => l.Contains(nameof(Policy.UncheckedForTests), StringComparison.Ordinal));
        Assert.Equal(["    internal static Policy UncheckedForTests(PolicyDraft draft) => new(draft);"], declaration);
    }

    private static IReadOnlyList<PolicyViolation> Violations(PolicyDraft draft)
    {
        Policy.TryCreate(draft, out _, out var violations);
        return violations;
    }

    private static string Describe(IReadOnlyList<PolicyViolation> violations) =>
        string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));

    private static FieldSetter Int(
        FieldLimit<int> row, string part, Func<PolicyDraft, int, PolicyDraft> set, Func<int, string>? path = null, bool orderRuleBelowMin = false) =>
        Typed(row, part, set, path, orderRuleBelowMin, random =>
        {
            var values = new List<int>();
            if (row.Min > int.MinValue)
            {
                values.Add(row.Min - 1);
                values.Add(row.Min - 1 - random.Next(1_000_000));
            }

            if (row.Max < int.MaxValue)
            {
                values.Add(row.Max + 1);
                values.Add(row.Max + 1 + random.Next(int.MaxValue - row.Max - 1));
            }

            return values;
        });

    private static FieldSetter Long(FieldLimit<long> row, string part, Func<PolicyDraft, long, PolicyDraft> set) =>
        Typed(row, part, set, null, false, random =>
            [row.Min - 1, row.Min - 1 - random.NextInt64(1_000_000_000_000), row.Max + 1, row.Max + 1 + random.NextInt64(long.MaxValue - row.Max - 1)]);

    private static FieldSetter Double(FieldLimit<double> row, string part, Func<PolicyDraft, double, PolicyDraft> set, Func<double, string>? path = null) =>
        Typed(row, part, set, path, false, random =>
            [
                Math.BitDecrement(row.Min), row.Min - random.NextDouble() - 0.001, Math.BitIncrement(row.Max), row.Max + (random.NextDouble() * 100) + 0.001,
                double.NaN, double.PositiveInfinity, double.NegativeInfinity,
            ]);

    private static FieldSetter Typed<T>(
        FieldLimit<T> row, string part, Func<PolicyDraft, T, PolicyDraft> set, Func<T, string>? path, bool orderRuleBelowMin, Func<Random, List<T>> beyond)
        where T : struct, INumber<T> =>
        new(
            row,
            part,
            (draft, value) => set(draft, (T)value),
            [row.Min, row.Max],
            random => [.. beyond(random).Select(v => (object)v)],
            value => path?.Invoke((T)value) ?? part,
            value => row.Violation((T)value) ?? string.Create(CultureInfo.InvariantCulture, $"{value} is within the row"),
            value => orderRuleBelowMin && (T)value < row.Min);

    /// <summary>One row's setter: its part of the policy (setters of one part replace the same list), bounds and values beyond.</summary>
    private sealed record FieldSetter(
        IFieldLimit Row,
        string Part,
        Func<PolicyDraft, object, PolicyDraft> Set,
        IReadOnlyList<object> Bounds,
        Func<Random, IReadOnlyList<object>> Beyond,
        Func<object, string> PathOf,
        Func<object, string> RangeText,
        Func<object, bool> NamedByOrderRule);
}
